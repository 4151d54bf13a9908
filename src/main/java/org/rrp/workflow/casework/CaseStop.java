package org.rrp.workflow.casework;

import java.util.function.BiConsumer;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Stopping a case early, the same way in every service. A form offers the checkbox {@value CaseVariables#STOP_CASE}
 * and the text {@value CaseVariables#STOP_REASON}; its server check, wrapped by {@link #stoppable}, then skips the
 * form's own checks, records that the case stopped and throws the BPMN error {@value #ERROR_CODE}, which an event
 * subprocess of the process catches ({@code Error_CaseStopped}). The process hands {@code caseStopped} and
 * {@code stopReason} back to the referral, whose "Close case" tells the referrer why.
 */
public final class CaseStop {

  /** The BPMN error code every process catches to end a case early. */
  public static final String ERROR_CODE = "CASE_STOPPED";

  private CaseStop() {
  }

  /** A task's server check that also lets the person stop the case instead, with a reason. */
  public static TaskListener stoppable(BiConsumer<DelegateTask, FormInput> checks) {
    return task -> {
      FormInput input = new FormInput(task);
      if (input.ticked(CaseVariables.STOP_CASE, "Stop the case early")) {
        input.requiredText(CaseVariables.STOP_REASON, "Why the case stops");
        input.rejectIfInvalid();
        stop(CaseFile.of(task.getExecution()), "The case was stopped early");
      }
      checks.accept(task, input);
      input.rejectIfInvalid();
    };
  }

  /**
   * Records that the case stopped (its reason must already be a variable of the case) and throws the error that
   * takes the process to its stop path. For checks and delegates that stop a case for another cause, such as a
   * participant withdrawing consent.
   */
  public static void stop(CaseFile caseFile, String why) {
    caseFile.recordStopped();
    throw new BpmnError(ERROR_CODE, why);
  }
}
