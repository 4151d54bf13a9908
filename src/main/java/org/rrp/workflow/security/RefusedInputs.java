package org.rrp.workflow.security;

import java.lang.reflect.Field;
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

  private static final ThreadLocal<Boolean> PERSONS_COMMAND = ThreadLocal.withInitial(() -> false);
  private static final ThreadLocal<Throwable> HELD_BACK = new ThreadLocal<>();

  /**
   * An error the engine logs while a person's command closes, held back until {@link Interceptor} knows whether it
   * is a refusal (then it is not logged) or a failure (then it is logged once, with its stack trace).
   *
   * @return whether it is held back: only during a person's command
   */
  static boolean holdBack(Throwable error) {
    if (!PERSONS_COMMAND.get()) {
      return false;
    }
    if (HELD_BACK.get() == null) {
      HELD_BACK.set(error);
    }
    return true;
  }

  /**
   * The outermost engine interceptor: records and logs a refusal, then lets it fail the command as before. A
   * person's command that fails on the state of the case (suspended, a task claimed first by someone else or no
   * longer open, a change made at the same moment) fails as a {@link StateRefusal} instead; the job executor's
   * (nobody's) keep the engine's exception and its handling.
   *
   * <p>A person's command on a task that fails in any other way while a colleague's (or another tab's) completion of
   * the same task commits is refused as no longer open once the task is found gone: reading committed data, the
   * command may have seen the task and then not its grants (the engine says the person may not work on it), or its
   * process already moved on (the engine fails on the missing activity). The engine logs such a failure as an error
   * before it is known for what it is, so the errors it logs during a person's command are held back ({@link
   * #holdBack}) and logged here unless the command was refused.
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
      boolean outermost = depth.get() == 1;
      boolean person = outermost && identity.get().getCurrentAuthentication() != null;
      PERSONS_COMMAND.set(person || PERSONS_COMMAND.get());
      boolean refusedHere = false;
      try {
        return next.execute(command);
      } catch (RuntimeException failure) {
        if (!outermost) {
          throw failure;
        }
        PERSONS_COMMAND.remove();
        RuntimeException refusal = in(failure).isPresent() || !person ? failure
            : stateRefusalOfAPerson(command, failure).<RuntimeException>map(refused -> refused).orElse(failure);
        Optional<InvalidInputException> refused = in(refusal);
        refused.ifPresent(invalid -> {
          LAST.set(invalid);
          if (invalid instanceof StateRefusal state) {
            LOG.info("Refused {}: {}", command.getClass().getSimpleName(), state.reason());
          } else {
            refused(command.getClass().getSimpleName(), invalid.getProblems().size());
          }
        });
        refusedHere = refused.isPresent();
        throw refusal;
      } finally {
        if (outermost) {
          Throwable held = HELD_BACK.get();
          HELD_BACK.remove();
          PERSONS_COMMAND.remove();
          if (held != null && !refusedHere) {
            LOG.error("{} failed", command.getClass().getSimpleName(), held);
          }
        }
        depth.set(depth.get() - 1);
        if (depth.get() == 0) {
          depth.remove();
        }
      }
    }

    private Optional<StateRefusal> stateRefusalOfAPerson(Command<?> command, RuntimeException failure) {
      Optional<StateRefusal> known = StateRefusal.of(failure);
      if (known.isPresent() && !known.get().isChange()) {
        return known;
      }
      // a change that met another one, or a failure of another kind: a task completed meanwhile says so plainly
      return taskOf(command).filter(this::isGone).map(gone -> StateRefusal.gone(failure)).or(() -> known);
    }

    /** Whether the task is no longer open, read in a transaction of its own; if that cannot be read, not known. */
    private boolean isGone(String taskId) {
      try {
        return next.execute(context -> context.getTaskManager().findTaskById(taskId) == null);
      } catch (RuntimeException unknown) {
        return false;
      }
    }

    /** The task the engine's task commands (submit, complete, claim, assign, delegate, resolve) work on. */
    private static Optional<String> taskOf(Command<?> command) {
      for (Class<?> type = command.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
        try {
          Field field = type.getDeclaredField("taskId");
          if (field.getType() == String.class && field.trySetAccessible()) {
            return Optional.ofNullable((String) field.get(command));
          }
        } catch (NoSuchFieldException notHere) {
          // look in the superclass
        } catch (IllegalAccessException unreadable) {
          return Optional.empty();
        }
      }
      return Optional.empty();
    }
  }
}
