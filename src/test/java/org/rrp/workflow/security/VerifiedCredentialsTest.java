package org.rrp.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What is remembered of a verified caller: only the same password, only briefly, only so many, never across a change. */
class VerifiedCredentialsTest {

  final MovingClock clock = new MovingClock();
  final VerifiedCredentials credentials = new VerifiedCredentials(2, Duration.ofSeconds(15), clock);

  @Test
  void answersTheSamePasswordOnly() {
    credentials.remember("alex", "Pass-1", List.of("rrp-advisors"), List.of(), credentials.generation());

    assertThat(credentials.verified("alex", "Pass-1")).get().extracting(VerifiedCredentials.Entry::groupIds)
        .isEqualTo(List.of("rrp-advisors"));
    assertThat(credentials.verified("alex", "Pass-2")).isEmpty();
    assertThat(credentials.verified("ash", "Pass-1")).isEmpty();
  }

  @Test
  void forgetsAfterItsTimeToLive() {
    credentials.remember("alex", "Pass-1", List.of(), List.of(), credentials.generation());
    clock.now = clock.now.plusSeconds(14);
    assertThat(credentials.verified("alex", "Pass-1")).isPresent();
    clock.now = clock.now.plusSeconds(1);
    assertThat(credentials.verified("alex", "Pass-1")).isEmpty();
  }

  @Test
  void keepsTheMostRecentlyUsedWithinItsCapacity() {
    credentials.remember("alex", "Pass-1", List.of(), List.of(), credentials.generation());
    credentials.remember("ash", "Pass-1", List.of(), List.of(), credentials.generation());
    credentials.verified("alex", "Pass-1");
    credentials.remember("bea", "Pass-1", List.of(), List.of(), credentials.generation());

    assertThat(credentials.size()).isEqualTo(2);
    assertThat(credentials.verified("ash", "Pass-1")).isEmpty();
    assertThat(credentials.verified("alex", "Pass-1")).isPresent();
  }

  @Test
  void anIdentityChangeForgetsEverythingAndWhatWasVerifiedBeforeIt() {
    credentials.remember("alex", "Pass-1", List.of(), List.of(), credentials.generation());
    long verificationStarted = credentials.generation();

    credentials.forgetAll();
    credentials.remember("ash", "Pass-1", List.of("rrp-advisors"), List.of(), verificationStarted);

    assertThat(credentials.verified("alex", "Pass-1")).isEmpty();
    assertThat(credentials.verified("ash", "Pass-1")).as("verified against the identities before the change").isEmpty();
  }

  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-03-02T09:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
