package org.rrp.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waiting, bounded, for the job executor of a running application to get somewhere. */
public final class Eventually {

  static final Duration PATIENCE = Duration.ofSeconds(30);

  private Eventually() {
  }

  /** The probe's first non-null answer, asked every 100 ms for up to 30 seconds; fails the test if none comes. */
  public static <T> T eventually(Supplier<T> probe) throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      T answer = probe.get();
      if (answer != null) {
        return answer;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("nothing happened within " + PATIENCE.toSeconds() + " seconds");
  }
}
