package org.rrp.workflow.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ClockStartTest {

  static final Instant YEAR_END = Instant.parse("2026-12-31T23:59:00Z");

  final ClockStart clockStart = new ClockStart(Supplier::get);

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @Test
  void theClockReadsTheStartAtTheGivenRealInstantAndRunsOn() throws InterruptedException {
    Instant realStart = Instant.now().minusSeconds(10);
    start(new MockEnvironment().withProperty(ClockStart.START, YEAR_END.toString())
        .withProperty(ClockStart.START_AT, realStart.toString()));

    Instant first = CaseClock.instant();
    assertThat(Duration.between(YEAR_END.plusSeconds(10), first).abs()).isLessThan(Duration.ofSeconds(2));
    Thread.sleep(20);
    assertThat(CaseClock.instant()).as("the clock runs on, it does not stand still").isAfter(first);
  }

  @Test
  void withoutAStartAtTheClockStartsWhenTheJvmStarted() {
    start(new MockEnvironment().withProperty(ClockStart.START, YEAR_END.toString()));

    assertThat(CaseClock.instant()).as("the JVM's time since it started, counted from the start")
        .isAfter(YEAR_END).isBefore(YEAR_END.plus(Duration.ofDays(1)));
  }

  @Test
  void withoutTheSettingTheClockIsTheRealOne() {
    start(new MockEnvironment());

    assertThat(Duration.between(Instant.now(), CaseClock.instant()).abs()).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void productionRefusesAShiftedClockUnlessAllowed() {
    MockEnvironment production = new MockEnvironment().withProperty(ClockStart.START, YEAR_END.toString());
    production.setActiveProfiles("prod");

    assertThatThrownBy(() -> start(production)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot run with the prod profile");
    assertThat(Duration.between(Instant.now(), CaseClock.instant()).abs()).as("the clock is left alone")
        .isLessThan(Duration.ofSeconds(2));

    start(production.withProperty(ClockStart.ALLOW_IN_PRODUCTION, "true"));
    assertThat(CaseClock.instant()).isAfter(YEAR_END).isBefore(YEAR_END.plus(Duration.ofDays(1)));
  }

  @Test
  void anInstantThatIsNotOneIsRefusedWithAnExample() {
    assertThatThrownBy(() -> start(new MockEnvironment().withProperty(ClockStart.START, "31/12/2026 23:59")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("rrp.clock.start must be an ISO instant");
  }

  void start(MockEnvironment environment) {
    clockStart.postProcessEnvironment(environment, new SpringApplication());
  }
}
