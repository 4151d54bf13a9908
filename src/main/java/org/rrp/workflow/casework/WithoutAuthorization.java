package org.rrp.workflow.casework;

import java.util.concurrent.Callable;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs engine calls made by the application itself (not on behalf of the person) without checking the
 * current user's authorizations: e.g. a referrer's start form evaluates the district table and grants the
 * referrer read access to their own case, neither of which the referrer may do directly.
 */
public final class WithoutAuthorization {

  private WithoutAuthorization() {
  }

  public static <T> T call(Callable<T> work) {
    CommandContext commandContext = Context.getCommandContext();
    try {
      return commandContext == null ? work.call() : commandContext.runWithoutAuthorization(work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The same from outside the engine, e.g. while serving a web request as its user (whose authorizations the
   * engine would otherwise check): the work runs as a command of the given engine.
   */
  public static <T> T call(ProcessEngine engine, Callable<T> work) {
    if (Context.getCommandContext() != null) {
      return call(work);
    }
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> context.runWithoutAuthorization(work));
  }

  public static void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
