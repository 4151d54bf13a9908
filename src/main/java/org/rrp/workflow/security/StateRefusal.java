package org.rrp.workflow.security;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.rrp.workflow.casework.InvalidInputException;

/**
 * A person's work that the state of the case no longer allows: on a case, task or process version a coordinator
 * has suspended (Cockpit's pause), a claim of a task a colleague claimed first, work on a task that is no longer
 * open (a colleague completed it, the case ended), or work that met another change of the same case made at the same
 * moment (two colleagues completing one task, a reminder's job moving the case on). Refused like a form that does not hold: 400 and one plain
 * sentence, nothing saved, one line in the log. The engine would answer 500 with its own message, which repeats the
 * task's id, and the engine and the REST layers would log stack traces.
 */
final class StateRefusal extends InvalidInputException {

  static final String SUSPENDED =
      "A coordinator has paused (suspended) this case or its process, so nothing was saved: try again once it is resumed.";
  static final String CLAIMED = "Someone else has claimed this task, so it was not claimed for you.";
  static final String GONE =
      "This task is no longer open (it was completed, or its case has ended), so nothing was saved.";

  static final String CHANGED =
      "Someone else changed this case at the same moment, so nothing was saved: open the task again and retry.";

  /** How the engine says a task it was asked to work on does not exist (any command on a task id). */
  private static final String NO_SUCH_TASK = "Cannot find task with id ";

  private final String reason;

  private StateRefusal(String problem, String reason, Throwable cause) {
    super(List.of(problem), problem);
    this.reason = reason;
    initCause(cause);
  }

  /** Whether the work met another change made at the same moment (the task may still be open, or not). */
  boolean isChange() {
    return getCause() instanceof OptimisticLockingException;
  }

  /** What the log says, after the command's name. */
  String reason() {
    return reason;
  }

  static Optional<StateRefusal> of(Throwable failure) {
    return stateFailure(failure).map(cause -> cause instanceof TaskAlreadyClaimedException
        ? new StateRefusal(CLAIMED, "the task is claimed by someone else", cause)
        : cause instanceof SuspendedEntityInteractionException
            ? new StateRefusal(SUSPENDED, "its case or process is suspended", cause)
            : cause instanceof OptimisticLockingException
                ? new StateRefusal(CHANGED, "the case was changed by someone else at the same moment", cause)
                : gone(cause));
  }

  /** A failure on a task that a command found still open and that is gone now (completed meanwhile). */
  static StateRefusal gone(Throwable cause) {
    return new StateRefusal(GONE, "the task is no longer open", cause);
  }

  static boolean isStateFailure(Throwable failure) {
    return stateFailure(failure).isPresent();
  }

  private static Optional<Throwable> stateFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SuspendedEntityInteractionException || cause instanceof TaskAlreadyClaimedException
          || cause instanceof OptimisticLockingException || noSuchTask(cause)) {
        return Optional.of(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  /** The engine's commands on a task id say so with one of two exceptions, in the same words. */
  private static boolean noSuchTask(Throwable cause) {
    return (cause instanceof NullValueException || cause instanceof NotFoundException)
        && String.valueOf(cause.getMessage()).startsWith(NO_SUCH_TASK);
  }
}
