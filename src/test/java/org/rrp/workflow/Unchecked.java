package org.rrp.workflow;

import java.util.concurrent.Callable;

/** Runs test work that may throw a checked exception, which then fails the test as an unchecked one. */
public final class Unchecked {

  private Unchecked() {
  }

  public static <T> T call(Callable<T> work) {
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
