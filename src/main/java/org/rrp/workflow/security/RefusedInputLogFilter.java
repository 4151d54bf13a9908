package org.rrp.workflow.security;

import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Mutes log events that carry a refused input ({@code InvalidInputException}) as their exception: the engine logs
 * every failed command at ERROR with its stack trace (15-18 KB for one refused form), the REST layers log them
 * again. {@link RefusedInputs} logs the refusal as one line instead. The engine's own lines of a command that failed
 * on the state of the case ({@link StateRefusal}: suspended, a task claimed first by someone else or no longer open)
 * are muted too, and so are its error lines during a person's command, which {@link RefusedInputs} logs once it
 * knows whether the failure was a refusal. Other failures are logged as before.
 */
class RefusedInputLogFilter extends TurboFilter {

  /** The engine's logger of a failed command's exception. */
  private static final String COMMAND_CONTEXT = "org.camunda.bpm.engine.context";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    boolean commandContext = COMMAND_CONTEXT.equals(logger.getName());
    Throwable error = commandContext && level == Level.ERROR ? throwable(t, params) : null;
    if (error != null && RefusedInputs.holdBack(error)) {
      return FilterReply.DENY;
    }
    if (t != null && muted(t, commandContext)) {
      return FilterReply.DENY;
    }
    if (params != null) {
      for (Object param : params) {
        if (param instanceof Throwable failure && muted(failure, commandContext)) {
          return FilterReply.DENY;
        }
      }
    }
    return FilterReply.NEUTRAL;
  }

  /** The event's exception, if any: SLF4J takes it as the last argument when it is not given on its own. */
  private static Throwable throwable(Throwable t, Object[] params) {
    if (t != null) {
      return t;
    }
    return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
  }

  /** A refusal, or (logged by the engine inside the command, before it becomes a refusal) the case's state. */
  private static boolean muted(Throwable failure, boolean commandContext) {
    return RefusedInputs.in(failure).isPresent() || commandContext && StateRefusal.isStateFailure(failure);
  }
}
