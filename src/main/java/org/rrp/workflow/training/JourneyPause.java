package org.rrp.workflow.training;

import static org.rrp.workflow.training.TrainingVariables.*;

import java.time.LocalDate;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.FormInput;

/**
 * Pausing a journey from any form of a stage, as {@link org.rrp.workflow.casework.CaseStop} stops a case: the form
 * offers the checkbox {@value TrainingVariables#PAUSE_JOURNEY} with a reason and the day to look again; the check
 * then skips the form's own checks, lets the journey give up its place on an event, and throws the BPMN error
 * {@value #ERROR_CODE}, which takes the journey to "Resume journey".
 */
final class JourneyPause {

  static final String ERROR_CODE = "JOURNEY_PAUSED";

  private JourneyPause() {
  }

  static TaskListener pausable(JourneyService journeys, BiConsumer<DelegateTask, FormInput> checks) {
    return task -> {
      FormInput input = new FormInput(task);
      if (input.ticked(PAUSE_JOURNEY, "Whether the journey pauses")) {
        TextLimits.required(input, PAUSE_REASON, "Why the journey pauses", TextLimits.LONG);
        LocalDate resumeBy = input.requiredDate(RESUME_BY, "When to look at the journey again");
        if (resumeBy != null && resumeBy.isBefore(CaseClock.today())) {
          input.problem("When to look at the journey again must be today or a later day.");
        }
        input.rejectIfInvalid();
        journeys.pause(task.getExecution());
        throw new BpmnError(ERROR_CODE, "The setting paused its training journey");
      }
      checks.accept(task, input);
      input.rejectIfInvalid();
    };
  }
}
