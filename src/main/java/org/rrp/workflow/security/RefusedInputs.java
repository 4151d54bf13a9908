package org.rrp.workflow.security;

import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.rrp.workflow.casework.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refused input, seen once. An engine command that fails because a listener refused the input ({@link
 * InvalidInputException}, however deeply wrapped) is logged here as one line, naming the command and how many
 * problems there were, never what was entered; the engine's own stack-trace logging of it is muted by
 * {@link RefusedInputLogFilter}. The refusal is kept for the request thread, so that the HTTP layer can answer
 * it with 400 on every API (the webapps' API would answer 500). A person's work that the case's state no longer
 * allows (suspended, claimed by a colleague first, no longer open) is refused the same way ({@link StateRefusal}).
 */
final class RefusedInputs {

  private static final Logger LOG = LoggerFactory.getLogger(RefusedInputs.class);
  private static final ThreadLocal<InvalidInputException> LAST = new ThreadLocal<>();

  private RefusedInputs() {
  }

  static Optional<InvalidInputException> in(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInputException invalid) {
        return Optional.of(invalid);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  static void clear() {
    LAST.remove();
  }

  /** The refusal recorded on this thread since {@link #clear()}, taken (cleared) once read. */
  static Optional<InvalidInputException> take() {
    InvalidInputException refusal = LAST.get();
    LAST.remove();
    return Optional.ofNullable(refusal);
  }

  static void refused(String what, int problems) {
    LOG.info("Refused input: {} ({} problem{})", what, problems, problems == 1 ? "" : "s");
  }

  /**
   * The outermost engine interceptor: records and logs a refusal, then lets it fail the command as before. A
   * person's command that fails on the state of the case (suspended, a task claimed first by someone else or no
   * longer open) fails as a {@link StateRefusal} instead; the job executor's (nobody's) keep the engine's exception
   * and its handling.
   */
  static final class Interceptor extends CommandInterceptor {
    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
    private final Supplier<IdentityService> identity;

    Interceptor(Supplier<IdentityService> identity) {
      this.identity = identity;
    }

    @Override
    public <T> T execute(Command<T> command) {
      depth.set(depth.get() + 1);
      try {
        return next.execute(command);
      } catch (RuntimeException failure) {
        if (depth.get() == 1) {
          RuntimeException refusal = in(failure).isPresent() ? failure
              : stateRefusalOfAPerson(failure).<RuntimeException>map(refused -> refused).orElse(failure);
          in(refusal).ifPresent(invalid -> {
            LAST.set(invalid);
            if (invalid instanceof StateRefusal state) {
              LOG.info("Refused {}: {}", command.getClass().getSimpleName(), state.reason());
            } else {
              refused(command.getClass().getSimpleName(), invalid.getProblems().size());
            }
          });
          throw refusal;
        }
        throw failure;
      } finally {
        depth.set(depth.get() - 1);
        if (depth.get() == 0) {
          depth.remove();
        }
      }
    }

    private Optional<StateRefusal> stateRefusalOfAPerson(RuntimeException failure) {
      return identity.get().getCurrentAuthentication() == null ? Optional.empty() : StateRefusal.of(failure);
    }
  }
}
