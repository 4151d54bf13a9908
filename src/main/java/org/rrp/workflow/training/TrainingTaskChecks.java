package org.rrp.workflow.training;

import static org.rrp.workflow.training.JourneyPause.pausable;
import static org.rrp.workflow.training.TrainingVariables.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.EnglishDates;
import org.rrp.workflow.casework.FormInput;
import org.rrp.workflow.casework.JsonVariables;
import org.rrp.workflow.training.JourneyRecords.Attendee;
import org.rrp.workflow.training.JourneyRecords.Commitment;
import org.rrp.workflow.training.JourneyRecords.Session;
import org.rrp.workflow.training.JourneyRecords.Stage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Server-side checks of the journey's task forms, run when a task is completed: a refused form rolls back, so the
 * task stays open with nothing saved. The stage's forms also let the setting pause its journey ({@link JourneyPause}).
 */
@Configuration(proxyBeanMethods = false)
class TrainingTaskChecks {

  @Bean
  TaskListener embeddingEvidenceCheck(JourneyService journeys) {
    return pausable(journeys, (task, input) -> TextLimits.required(input, EMBEDDING_EVIDENCE,
        "The evidence that the practice is embedded", TextLimits.LONG));
  }

  /**
   * The choices of "Decide whether the stage opens", in the form's order: asking for evidence again only for a stage
   * with a prerequisite, whose embedding the setting evidenced. The form shows these, so it offers what the check takes.
   */
  static Map<String, String> choicesOfStageOpening(DelegateTask task) {
    Map<String, String> choices = new LinkedHashMap<>();
    choices.put(OPEN, "Yes: open the stage (invite the setting)");
    if (task.getVariable(STAGE_PREREQUISITE) != null) {
      choices.put(EVIDENCE_AGAIN, "Not yet: ask the setting for more evidence");
    }
    choices.put(DECLINE, "No: the journey ends here");
    return choices;
  }

  @Bean
  TaskListener stageOpeningChoices() {
    return task -> task.setVariableLocal(STAGE_OPENING_OPTIONS, JsonVariables.json(choicesOfStageOpening(task).entrySet()
        .stream().map(choice -> Map.of("value", choice.getKey(), "label", choice.getValue())).toList()));
  }

  @Bean
  TaskListener stageOpeningCheck() {
    return task -> {
      FormInput input = new FormInput(task);
      String opening = input.requiredChoice(STAGE_OPENING, "Whether the stage opens",
          choicesOfStageOpening(task).keySet());
      String note = TextLimits.optional(input, OPENING_NOTE, "The note to the setting", TextLimits.LONG);
      if (opening != null && !OPEN.equals(opening) && note == null && !input.hasProblems()) {
        input.problem("The note to the setting is required when the stage does not open.");
      }
      input.rejectIfInvalid();
      task.getExecution().setVariable(STAGE_OPENED, OPEN.equals(opening));
      if (DECLINE.equals(opening)) {
        task.getExecution().setVariable(JOURNEY_END_REASON, note);
      }
    };
  }

  @Bean
  TaskListener bookingOptions(JourneyService journeys) {
    return task -> task.getExecution().setVariable(STAGE_EVENTS,
        JsonVariables.json(journeys.bookingOptions(Journey.of(task.getExecution()).stage().id())));
  }

  @Bean
  TaskListener bookingCheck(JourneyService journeys) {
    return pausable(journeys, (task, input) -> {
      String chosen = input.requiredText(TRAINING_EVENT, "The training event");
      if (chosen == null) {
        return;
      }
      Stage stage = Journey.of(task.getExecution()).stage();
      journeys.bookableEvent(stage.id(), chosen).ifPresentOrElse(event -> {
        task.getExecution().setVariable(TRAINING_EVENT_AT,
            OffsetDateTime.ofInstant(event.startsAt(), CaseClock.ZONE).toString());
        journeys.book(task.getExecution(), event);
      }, () -> input.problem("The training event is not an upcoming event of this stage: choose one from the list."));
    });
  }

  @Bean
  TaskListener attendanceCheck(JourneyService journeys) {
    return pausable(journeys, (task, input) -> {
      String attendance = input.requiredChoice(ATTENDANCE, "Whether the setting attended", Set.of(ATTENDED, PLACE_CANCELLED));
      if (PLACE_CANCELLED.equals(attendance)) {
        input.rejectIfInvalid();
        journeys.giveUpPlace(task.getExecution());
        task.getExecution().setVariable(STAGE_ATTENDED, false);
        return;
      }
      if (attendance == null) {
        return;
      }
      if (task.getVariable(TRAINING_EVENT_AT) instanceof String eventAt
          && OffsetDateTime.parse(eventAt).toInstant().isAfter(CaseClock.instant())) {
        input.problem("Whether the setting attended: attendance can be recorded only once the training event has"
            + " started; until then only a place given up can be recorded.");
        return;
      }
      Stage stage = Journey.of(task.getExecution()).stage();
      List<Attendee> attendees = list(task, ATTENDEES, Attendee.class, "attendance list", input);
      if (attendees == null) {
        return;
      }
      Set<String> named = new HashSet<>();
      boolean listedTwice = false;
      for (int i = 0; i < attendees.size(); i++) {
        if (TextLimits.blank(attendees.get(i).name())) {
          input.problem("Attendee " + (i + 1) + " has no name.");
        } else {
          listedTwice |= !named.add(attendees.get(i).name().strip().toLowerCase(Locale.ROOT));
        }
        TextLimits.limited(input, attendees.get(i).name(), "Attendee " + (i + 1) + "'s name", TextLimits.NAME);
        TextLimits.limited(input, attendees.get(i).role(), "Attendee " + (i + 1) + "'s role", TextLimits.NAME);
      }
      if (listedTwice) {
        input.problem("Who attended from the setting: each person is listed once.");
      }
      if (attendees.size() < stage.leadsToAttend()) {
        input.problem("The stage needs " + stage.leadsToAttend() + (stage.leadsToAttend() == 1 ? " setting lead"
            : " setting leads") + " to attend; " + attendees.size() + " attended.");
      }
      if (stage.seniorLeaderRequired() && attendees.stream().noneMatch(Attendee::isSenior)) {
        input.problem("The stage needs a senior leader among those who attended: none is marked as one.");
      }
      if (!input.hasProblems()) {
        task.getExecution().setVariable(STAGE_ATTENDED, true);
      }
    });
  }

  @Bean
  TaskListener commitmentEvidenceCheck(JourneyService journeys) {
    return pausable(journeys, (task, input) -> {
      Stage stage = Journey.of(task.getExecution()).stage();
      List<Commitment> evidence = list(task, COMMITMENT_EVIDENCE, Commitment.class, "evidence", input);
      if (evidence != null) {
        for (String commitment : stage.commitments()) {
          Commitment given = evidence.stream().filter(c -> commitment.equals(c.commitment())).findFirst().orElse(null);
          String which = "Commitment " + (stage.commitments().indexOf(commitment) + 1);
          if (given == null || TextLimits.blank(given.evidence())) {
            input.problem(which + " has no evidence.");
          } else {
            TextLimits.limited(input, given.evidence(), which + "'s evidence", TextLimits.LONG);
          }
        }
      }
      if (stage.championRequired()) {
        TextLimits.required(input, CHAMPION_NAME, "The Student Ambassador Champion's name", TextLimits.NAME);
        input.requiredEmail(CHAMPION_EMAIL, "The Student Ambassador Champion's email");
      }
    });
  }

  @Bean
  TaskListener stageEvidenceCheck(JourneyService journeys) {
    return pausable(journeys, (task, input) -> {
      Boolean accepted = input.requiredFlag(EVIDENCE_ACCEPTED, "Whether the evidence is accepted");
      String note = TextLimits.optional(input, EVIDENCE_NOTE, "The note to the setting", TextLimits.LONG);
      if (Boolean.FALSE.equals(accepted) && note == null && !input.hasProblems()) {
        input.problem("The note to the setting is required when the evidence is not accepted.");
      }
      if (!Boolean.TRUE.equals(accepted)) {
        return;
      }
      List<Session> sessions = list(task, SESSIONS, Session.class, "workshops and sessions", input);
      Stage stage = Journey.of(task.getExecution()).stage();
      if (sessions == null) {
        return;
      }
      LocalDate eventDay = task.getVariable(TRAINING_EVENT_AT) instanceof String eventAt
          ? OffsetDateTime.parse(eventAt).atZoneSameInstant(CaseClock.ZONE).toLocalDate() : null;
      for (String required : stage.sessionsToRecord()) {
        Session session = sessions.stream().filter(s -> required.equals(s.session())).findFirst().orElse(null);
        String which = "Workshop or session " + (stage.sessionsToRecord().indexOf(required) + 1);
        LocalDate heldOn = session == null ? null : FormInput.parseDate(session.heldOn());
        if (session == null || !session.isAttended()) {
          input.problem(which + " is not recorded as attended.");
        } else if (heldOn == null) {
          input.problem(which + " needs the date it was held.");
        } else if (heldOn.isAfter(CaseClock.today())) {
          input.problem(which + " cannot be held in the future.");
        } else if (eventDay != null && heldOn.isBefore(eventDay)) {
          input.problem(which + " cannot be held before the setting's training event of the stage, on "
              + eventDay.format(EnglishDates.DAY) + ".");
        }
      }
      if (stage.championRequired() && TextLimits.blank((String) task.getVariable(CHAMPION_NAME))) {
        input.problem("The setting has not named its Student Ambassador Champion.");
      }
    });
  }

  @Bean
  TaskListener resumeCheck(JourneyService journeys) {
    return task -> journeys.resume(task.getExecution());
  }

  private static <T> List<T> list(DelegateTask task, String variable, Class<T> type, String label, FormInput input) {
    try {
      return JsonVariables.readList(task.getVariable(variable), type);
    } catch (IllegalArgumentException e) {
      input.problem("The " + label + " could not be read.");
      return null;
    }
  }
}
