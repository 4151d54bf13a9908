package org.rrp.workflow.conference;

import static org.rrp.workflow.casework.CaseStop.stoppable;
import static org.rrp.workflow.casework.CaseVariables.*;
import static org.rrp.workflow.conference.ConferenceVariables.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.rrp.workflow.casework.Action;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.CaseFile;
import org.rrp.workflow.casework.FormInput;
import org.rrp.workflow.casework.JsonVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Server-side checks of the conference's task forms, run when a task is completed: a failed check rolls the
 * completion back, so the task stays open and nothing is written. On every form the advisor may stop the case early
 * ({@link org.rrp.workflow.casework.CaseStop}); until the conference is recorded as held, the preparation forms also
 * record that a participant withdrew consent, which ends the preparation ({@link #CONSENT_NOT_GIVEN}).
 */
@Configuration(proxyBeanMethods = false)
class ConferenceTaskChecks {

  /** The BPMN error that ends the preparation when consent is not given, caught around it ({@code Error_ConsentNotGiven}). */
  static final String CONSENT_NOT_GIVEN = "CONSENT_NOT_GIVEN";
  static final String WITHDRAWN = ConferenceVariables.WITHDRAWN_REASON;
  static final Set<String> ALTERNATIVES = Set.of(SOLUTION_FOCUSED_CIRCLE, ADVICE_AND_GUIDANCE, NO_ALTERNATIVE);

  @Bean
  TaskListener suitabilityAndRiskCheck() {
    return stoppable((task, input) -> {
      String suitable = input.requiredChoice(CONFERENCE_SUITABLE, "Whether a conference is suitable", SUITABILITY_ANSWERS);
      Texts.required(input, SUITABILITY_NOTES, "The note on suitability and risk");
      boolean responsibilityAccepted = input.ticked(RESPONSIBILITY_ACCEPTED, "Whether responsibility is accepted");
      boolean riskManaged = input.ticked(RISK_MANAGED, "Whether every risk is managed");
      boolean coFacilitatorNeeded = input.ticked(CO_FACILITATOR_NEEDED, "Whether a co-facilitator is needed");
      if (SUITABLE.equals(suitable)) {
        if (!responsibilityAccepted) {
          input.problem("A conference is suitable only when the person who caused harm accepts responsibility.");
        }
        if (!riskManaged) {
          input.problem("A conference is suitable only when no risk is left unmanaged.");
        }
        if (coFacilitatorNeeded) {
          Texts.requiredLine(input, CO_FACILITATOR, "The co-facilitator's name");
        }
      }
      input.rejectIfInvalid();
      if (ConferenceVariables.NOT_SUITABLE.equals(suitable)) {
        task.getExecution().setVariable(NOT_HELD_REASON, ConferenceVariables.NOT_SUITABLE_REASON);
      }
    });
  }

  @Bean
  TaskListener participantsCheck() {
    return stoppable((task, input) -> {
      Roster roster;
      try {
        roster = ConferenceRoster.of(task);
      } catch (IllegalArgumentException e) {
        input.problem("The participants could not be read.");
        return;
      }
      roster.problems().forEach(input::problem);
      input.rejectIfInvalid();
      task.getExecution().setVariable(PARTICIPANTS, JsonVariables.json(roster.all()));
      task.getExecution().setVariable(PARTICIPANT_OPTIONS, JsonVariables.json(roster.options()));
      task.getExecution().setVariable(CONSENT_REQUESTED_AT, CaseClock.now().toOffsetDateTime().toString());
    });
  }

  @Bean
  TaskListener preparationMeetingCheck() {
    return stoppable(withdrawable((task, input) -> {
      LocalDate heldOn = input.requiredDate(PREPARATION_MEETING_ON, "The date of the preparation meeting");
      Texts.required(input, PREPARATION_NOTES, "What was explained and prepared");
      LocalDate named = CaseClock.dayOf(task.getCreateTime()); // this task is made when the participants are named
      if (heldOn != null && heldOn.isAfter(CaseClock.today())) {
        input.problem("The date of the preparation meeting must not be in the future.");
      } else if (heldOn != null && named != null && heldOn.isBefore(named)) {
        input.problem("The date of the preparation meeting is before the day the participants were named.");
      }
    }));
  }

  @Bean
  TaskListener consentCheck() {
    // another participant may withdraw while this one's consent is still awaited
    return stoppable(withdrawable((task, input) -> {
      int number = ((Number) task.getVariable(PARTICIPANT_NUMBER)).intValue();
      Participant participant = ConferenceRoster.of(task).participant(number);
      String own = input.requiredChoice(CONSENT, "The participant's own consent", CONSENT_ANSWERS);
      String parentCarer = null;
      if (participant.isChild()) {
        parentCarer = input.requiredChoice(PARENT_CARER_CONSENT, "The parent's or carer's consent", CONSENT_ANSWERS);
      } else if (task.getVariable(PARENT_CARER_CONSENT) != null) {
        input.problem("Participant " + number + " has no parent or carer named: record only their own consent.");
      }
      Texts.optional(input, CONSENT_COMMENT, "Any reason the participant chose to give");
      input.rejectIfInvalid();
      task.setVariable(CONSENT_GIVEN, ConsentGate.consentGiven(own, parentCarer, participant.isChild()));
    }));
  }

  @Bean
  TaskListener alternativeRouteCheck() {
    return task -> {
      FormInput input = new FormInput(task);
      String alternative = input.requiredChoice(ALTERNATIVE_SERVICE, "The alternative route", ALTERNATIVES);
      if (NO_ALTERNATIVE.equals(alternative)) {
        Texts.required(input, CASE_OUTCOME, "The outcome for the referrer");
      }
      Texts.optional(input, SIGNPOSTING, "The signposting");
      input.rejectIfInvalid();
    };
  }

  @Bean
  TaskListener conferenceArrangementCheck() {
    return stoppable(withdrawable((task, input) -> {
      OffsetDateTime at = input.requiredDateTime(CONFERENCE_AT, "The date and time of the conference");
      Texts.requiredLine(input, CONFERENCE_VENUE, "The venue");
      Texts.optional(input, OTHER_ATTENDEES, "Anyone else attending");
      Texts.optional(input, WHAT_TO_BRING, "What to bring");
      List<String> attendees = Texts.list(task, input, CONFERENCE_ATTENDEES, "Who attends");
      if (attendees != null) {
        Roster roster = ConferenceRoster.of(task);
        if (attendees.isEmpty()) {
          input.problem("Choose who attends.");
        } else if (!attendees.stream().allMatch(roster::isNamed)) {
          input.problem("Who attends includes someone who is not a named participant.");
        }
      }
      if (at != null) {
        ConsentGate.conferenceTimeProblem(at, task.getCreateTime().toInstant(), CaseClock.instant())
            .ifPresent(input::problem);
      }
    }));
  }

  @Bean
  TaskListener conferenceRecordCheck() {
    return stoppable(withdrawable((task, input) -> {
      LocalDate conferenceDay = input.requiredDateHeld(CONFERENCE_HELD_ON, "The date the conference was held",
          task.getCreateTime() == null ? null : task.getCreateTime().toInstant().atZone(CaseClock.ZONE).toLocalDate(),
          "the day the conference was arranged");
      Texts.required(input, WHAT_HAPPENED, "What happened");
      Texts.required(input, WHO_WAS_AFFECTED, "Who was affected and how");
      List<Action> plan = Texts.actions(task, input);
      if (plan != null && plan.isEmpty()) {
        input.problem("The outcome agreement needs at least one action.");
      }
      Texts.checkActions(plan, conferenceDay, input);
      List<String> agreedBy = Texts.list(task, input, AGREED_BY, "The agreement of each participant");
      if (agreedBy != null) {
        Roster roster = ConferenceRoster.of(task);
        if (!agreedBy.stream().allMatch(roster::isNamed)) {
          input.problem("The agreement is recorded for someone who is not a named participant.");
        }
        for (int n : roster.numbers()) {
          if (!agreedBy.contains(String.valueOf(n))) {
            input.problem("Participant " + n + " has not agreed to the outcome agreement: it needs everyone's agreement.");
          }
        }
      }
      LocalDate followUpOn = input.requiredDate(FOLLOW_UP_ON, "The follow-up date");
      if (followUpOn != null && conferenceDay != null && !followUpOn.isAfter(conferenceDay)) {
        input.problem("The follow-up date must be after the conference.");
      }
      input.rejectIfInvalid();
      CaseFile.of(task.getExecution()).recordActionPlan(plan);
    }));
  }

  @Bean
  TaskListener followUpCheck() {
    return stoppable((task, input) -> {
      input.requiredChoice(AGREEMENT_KEPT, "Whether the agreement was kept", AGREEMENT_KEPT_ANSWERS);
      Texts.required(input, FOLLOW_UP_NOTES, "The follow-up note");
      Texts.required(input, OUTCOME_FOR_PERSON_HARMED, "What the person harmed is told");
      Texts.required(input, CASE_OUTCOME, "The outcome for the referrer");
      Texts.optional(input, SIGNPOSTING, "The signposting");
      List<Action> plan = Texts.actions(task, input);
      Texts.checkActions(plan, conferenceDay(task), input);
      input.rejectIfInvalid();
      CaseFile.of(task.getExecution()).recordActionPlan(plan);
    });
  }

  /** The day the conference was held (as recorded), else the day it was arranged for. */
  private static LocalDate conferenceDay(DelegateTask task) {
    LocalDate heldOn = FormInput.parseDate(CaseFile.of(task).text(CONFERENCE_HELD_ON));
    if (heldOn != null) {
      return heldOn;
    }
    return OffsetDateTime.parse((String) task.getVariable(CONFERENCE_AT)).atZoneSameInstant(CaseClock.ZONE).toLocalDate();
  }

  /**
   * A preparation form's check that also lets the advisor (or a coordinator) record that a participant withdrew
   * consent: then the form's own checks are skipped and the preparation ends, as when consent is refused.
   */
  static BiConsumer<DelegateTask, FormInput> withdrawable(BiConsumer<DelegateTask, FormInput> checks) {
    return (task, input) -> {
      if (input.ticked(CONSENT_WITHDRAWN, "Whether a participant withdrew consent")) {
        throw new BpmnError(CONSENT_NOT_GIVEN, WITHDRAWN);
      }
      checks.accept(task, input);
    };
  }
}
