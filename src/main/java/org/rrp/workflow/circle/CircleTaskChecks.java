package org.rrp.workflow.circle;

import static org.rrp.workflow.casework.CaseStop.stoppable;
import static org.rrp.workflow.casework.CaseVariables.*;
import static org.rrp.workflow.circle.CircleVariables.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.rrp.workflow.circle.ActionPlan.Participant;
import org.rrp.workflow.circle.ActionPlan.ReviewRecord;
import org.rrp.workflow.casework.Action;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.CaseFile;
import org.rrp.workflow.casework.FormInput;
import org.rrp.workflow.casework.JsonVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Server-side checks of the circle's task forms, run when a task is completed: a failed check rolls the
 * completion back, so the task stays open and nothing is written. On every form the advisor may instead stop the
 * case early with a reason ({@link org.rrp.workflow.casework.CaseStop}).
 */
@Configuration(proxyBeanMethods = false)
class CircleTaskChecks {

  @Bean
  TaskListener initialMeetingCheck() {
    return stoppable((task, input) -> {
      OffsetDateTime meetingAt = input.requiredDateTime(INITIAL_MEETING_AT, "The date and time of the initial meeting");
      input.requiredText(MEETING_VENUE, "The venue");
      input.ticked(CHILD_ATTENDS, "Whether the child will attend");
      if (meetingAt != null && !meetingAt.toInstant().isAfter(CaseClock.instant())) {
        input.problem("The initial meeting must be in the future.");
      }
      checkParticipants(task, input);
    });
  }

  @Bean
  TaskListener initialMeetingRecordCheck() {
    return stoppable((task, input) -> {
      LocalDate heldOn = input.requiredDateHeld(INITIAL_MEETING_HELD_ON, "The date the initial meeting was held",
          arrangedOn(task), "the day the meeting was arranged");
      input.requiredText(ISSUE_INTRODUCED, "The issue as introduced");
      input.requiredText(CLARIFICATION, "The clarification");
      input.requiredText(SUGGESTIONS, "What was suggested");
      input.requiredText(CHILDS_VIEW, "The child's view");
      List<Action> plan = readActions(task, ACTION_PLAN, "action plan", input);
      if (plan != null && plan.isEmpty()) {
        input.problem("The action plan needs at least one action.");
      }
      checkActions(plan, "Action", heldOn, input);
    });
  }

  @Bean
  TaskListener reviewMeetingCheck() {
    return stoppable((task, input) -> {
      OffsetDateTime reviewAt = input.requiredDateTime(REVIEW_MEETING_AT, "The date and time of the review meeting");
      input.requiredText(REVIEW_VENUE, "The venue");
      if (reviewAt != null) {
        if (!reviewAt.toInstant().isAfter(CaseClock.instant())) {
          input.problem("The review meeting must be in the future.");
        }
        // After the meetings it follows as they were held (a meeting may be held earlier or later than arranged)
        LocalDate reviewDay = reviewAt.atZoneSameInstant(CaseClock.ZONE).toLocalDate();
        if (!reviewDay.isAfter(initialMeetingDay(task))) {
          input.problem("The review meeting must be after the day the initial meeting was held.");
        }
        List<ReviewRecord> reviews = JsonVariables.readList(task.getVariable(REVIEW_RECORDS), ReviewRecord.class);
        if (!reviews.isEmpty() && !reviewDay.isAfter(heldDay(reviews.get(reviews.size() - 1)))) {
          input.problem("The second review meeting must be after the day the first was held.");
        }
      }
      checkParticipants(task, input);
    });
  }

  @Bean
  TaskListener reviewMeetingRecordCheck() {
    return stoppable((task, input) -> {
      LocalDate heldOn = input.requiredDateHeld(REVIEW_MEETING_HELD_ON, "The date the review meeting was held",
          arrangedOn(task), "the day the meeting was arranged");
      String aspirations = input.requiredText(ASPIRATIONS, "What everyone hopes for");
      String aids = input.requiredText(AIDS, "What is helping");
      String obstacles = input.requiredText(OBSTACLES, "What is getting in the way");
      List<Action> reviewed = readActions(task, ACTION_PLAN, "action plan", input);
      List<Action> added = readActions(task, NEW_ACTIONS, "new actions", input);
      checkActions(added, "New action", heldOn, input);
      boolean resolved = input.ticked(RESOLVED, "Whether the situation is resolved");
      input.rejectIfInvalid();

      task.getExecution().setVariable(RESOLVED, resolved);
      CaseFile.of(task.getExecution()).recordActionPlan(ActionPlan.merge(reviewed, added));
      task.getExecution().removeVariable(NEW_ACTIONS);
      List<ReviewRecord> reviews = new ArrayList<>(JsonVariables.readList(task.getVariable(REVIEW_RECORDS), ReviewRecord.class));
      reviews.add(new ReviewRecord(reviews.size() + 1, (String) task.getVariable(REVIEW_MEETING_AT),
          heldOn.toString(), aspirations, aids,
          obstacles, resolved));
      task.getExecution().setVariable(REVIEW_RECORDS, JsonVariables.json(reviews));
    });
  }

  @Bean
  TaskListener circleOutcomeCheck() {
    return stoppable((task, input) -> {
      input.requiredText(CASE_OUTCOME, "The outcome of the case");
      input.requiredText(SIGNPOSTING, "The signposting");
    });
  }

  /** The day the initial meeting was held; the day it was arranged for while it is not yet recorded as held. */
  private static LocalDate initialMeetingDay(DelegateTask task) {
    return heldOr(task.getVariable(INITIAL_MEETING_HELD_ON), (String) task.getVariable(INITIAL_MEETING_AT));
  }

  private static LocalDate heldDay(ReviewRecord review) {
    return heldOr(review.heldOn(), review.meetingAt());
  }

  private static LocalDate heldOr(Object heldOn, String arrangedAt) {
    LocalDate held = heldOn instanceof String day ? FormInput.parseDate(day) : null;
    return held != null ? held : OffsetDateTime.parse(arrangedAt).atZoneSameInstant(CaseClock.ZONE).toLocalDate();
  }

  private static void checkParticipants(DelegateTask task, FormInput input) {
    List<Participant> participants;
    try {
      participants = JsonVariables.readList(task.getVariable(PARTICIPANTS), Participant.class);
    } catch (IllegalArgumentException e) {
      input.problem("The participants could not be read.");
      return;
    }
    if (participants.isEmpty()) {
      input.problem("Name at least one participant.");
    }
    for (int i = 0; i < participants.size(); i++) {
      Participant participant = participants.get(i);
      if (blank(participant.name())) {
        input.problem("Participant " + (i + 1) + " has no name.");
      }
      if (!FormInput.isEmail(participant.email())) {
        input.problem("Participant " + (i + 1) + " needs a valid email address.");
      }
    }
  }

  private static List<Action> readActions(DelegateTask task, String variable, String label, FormInput input) {
    try {
      return JsonVariables.readList(task.getVariable(variable), Action.class);
    } catch (IllegalArgumentException e) {
      input.problem("The " + label + " could not be read.");
      return null;
    }
  }

  private static void checkActions(List<Action> actions, String label, LocalDate meetingDay, FormInput input) {
    if (actions == null) {
      return;
    }
    for (int i = 0; i < actions.size(); i++) {
      Action action = actions.get(i);
      String name = label + " " + (i + 1);
      if (blank(action.what())) {
        input.problem(name + " does not say what is to be done.");
      }
      if (blank(action.owner())) {
        input.problem(name + " has no owner.");
      }
      if (!FormInput.isEmail(action.ownerEmail())) {
        input.problem(name + ": the owner needs a valid email address.");
      }
      LocalDate byWhen = FormInput.parseDate(action.byWhen());
      if (byWhen == null) {
        input.problem(name + " needs a date to be done by.");
      } else if (meetingDay != null && byWhen.isBefore(meetingDay)) {
        input.problem(name + " is due before the meeting that agreed it.");
      }
    }
  }

  /** The day the meeting was arranged: its record task starts as the arrangement completes. */
  static LocalDate arrangedOn(DelegateTask task) {
    return CaseClock.dayOf(task.getCreateTime());
  }


  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
