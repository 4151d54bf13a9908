package org.rrp.workflow.security;

import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Mutes log events that carry a refused input ({@code InvalidInputException}) as their exception: the engine logs
 * every failed command at ERROR with its stack trace (15-18 KB for one refused form), the REST layers log them
 * again. {@link RefusedInputs} logs the refusal as one line instead. Other failures are logged as before.
 */
class RefusedInputLogFilter extends TurboFilter {

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (t != null && RefusedInputs.in(t).isPresent()) {
      return FilterReply.DENY;
    }
    if (params != null) {
      for (Object param : params) {
        if (param instanceof Throwable failure && RefusedInputs.in(failure).isPresent()) {
          return FilterReply.DENY;
        }
      }
    }
    return FilterReply.NEUTRAL;
  }
}
