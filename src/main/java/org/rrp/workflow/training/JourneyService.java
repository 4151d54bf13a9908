package org.rrp.workflow.training;

import static org.rrp.workflow.training.TrainingVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.casework.JsonVariables;
import org.rrp.workflow.casework.MarkdownText;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.rrp.workflow.identity.CaseAccess;
import org.rrp.workflow.identity.RrpGroups;
import org.rrp.workflow.training.JourneyRecords.Attendee;
import org.rrp.workflow.training.JourneyRecords.Commitment;
import org.rrp.workflow.training.JourneyRecords.Lead;
import org.rrp.workflow.training.JourneyRecords.Session;
import org.rrp.workflow.training.JourneyRecords.Stage;
import org.springframework.stereotype.Service;

/**
 * What happens to a journey as it moves: enrolment, a stage opening, a place booked or given up, a pause and its
 * resumption, a stage completed with its certificate, reminders. Called by the model's listeners and delegates;
 * the records it keeps are the journey's variables, the progress tables and the calendar.
 */
@Service
class JourneyService {

  static final String MESSAGE_PLACE_OFFERED = "training-place-offered";
  static final String PROCESS = "training-journey";
  /** The task whose form lists the stage's events ({@link TrainingVariables#STAGE_EVENTS}). */
  static final String BOOKING_TASK = "Task_BookTrainingEvent";

  private final StageCatalogue catalogue;
  private final JourneyRepository journeys;
  private final TrainingCalendar calendar;
  private final Certificates certificates;
  private final JourneyNotices notices;
  private final TrainingTimescales timescales;
  private final CaseAccess access;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final TaskService tasks;

  JourneyService(StageCatalogue catalogue, JourneyRepository journeys, TrainingCalendar calendar,
      Certificates certificates, JourneyNotices notices, TrainingTimescales timescales, CaseAccess access,
      IdentityService identity, RuntimeService runtime, TaskService tasks) {
    this.catalogue = catalogue;
    this.journeys = journeys;
    this.calendar = calendar;
    this.certificates = certificates;
    this.notices = notices;
    this.timescales = timescales;
    this.access = access;
    this.identity = identity;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  /** A checked enrolment starts: its catalogue, the leads' group, need-to-know read access, the progress row. */
  void enrol(DelegateExecution execution, String settingId, String settingPhase, List<Stage> stages) {
    String group = settingGroup(settingId);
    WithoutAuthorization.run(() -> {
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        Group leads = identity.newGroup(group);
        leads.setName("Training leads of setting " + settingId);
        leads.setType("SETTING");
        identity.saveGroup(leads);
      }
    });
    // The journey's own records never come from the start form (a caller may send any variable with it).
    for (String owned : List.of(STAGES_TO_WORK, STAGE_DUE_ON, STAGE_DUE_AT, PAUSED_ON, TRAINING_EVENT, BOOKING_STATUS,
        TRAINING_EVENT_AT, ATTENDANCE, EVIDENCE_ACCEPTED, STAGE_OPENING, JOURNEY_END_REASON)) {
      execution.removeVariable(owned);
    }
    execution.setProcessBusinessKey(settingId);
    execution.setVariable(SETTING_GROUP, group);
    execution.setVariable(CATALOGUE, JsonVariables.json(stages));
    execution.setVariable(COMPLETED_STAGES, JsonVariables.json(journeys.completedStages(settingId)));
    execution.setVariable(STAGE_OPENED, false);
    execution.setVariable(STAGE_ATTENDED, false);
    execution.setVariable(PAUSE_JOURNEY, false);
    Journey journey = Journey.of(execution);
    journeys.enrol(settingId, journey.settingName(), journey.area(), execution.getProcessInstanceId(), CaseClock.today());
    access.letGroupRead(execution.getProcessInstanceId(), group);
    access.letGroupRead(execution.getProcessInstanceId(), journey.area());
  }

  List<Stage> catalogueFor(String settingPhase) {
    return catalogue.stagesFor(settingPhase);
  }

  boolean hasRunningJourney(String settingId) {
    return journeys.hasRunningJourney(settingId);
  }

  List<String> completedStages(String settingId) {
    return journeys.completedStages(settingId);
  }

  /** Whether the user (a setting lead enrolling) is one of this setting's leads. */
  boolean isLeadOf(String userId, String settingId) {
    return WithoutAuthorization.call(() ->
        identity.createUserQuery().userId(userId).memberOfGroup(settingGroup(settingId)).count() == 1);
  }

  boolean isCoordinator(String userId) {
    return WithoutAuthorization.call(() ->
        identity.createUserQuery().userId(userId).memberOfGroup(RrpGroups.COORDINATORS).count() == 1);
  }

  static String settingGroup(String settingId) {
    return "setting-" + settingId.toLowerCase(Locale.ROOT);
  }

  /**
   * Fixes the stages the journey works as it enters (or re-enters, after a pause) its stages: those of its catalogue
   * the setting has not completed, as recorded by the application (not as any form may have claimed).
   */
  void fixStagesToWork(DelegateExecution execution) {
    Journey journey = Journey.of(execution);
    execution.setVariable(COMPLETED_STAGES, JsonVariables.json(journeys.completedStages(journey.settingId())));
    journey.fixStagesToWork();
  }

  /** A stage opens (or re-opens after a pause): what the forms show, its timescale, the progress row. */
  void openStage(DelegateExecution execution) {
    Journey journey = Journey.of(execution);
    Stage stage = journey.stage();
    execution.setVariable(STAGE_NAME, stage.name());
    execution.setVariable(STAGE_SUMMARY, summary(stage));
    execution.setVariableLocal(STAGE_BY_INVITATION, stage.byInvitation());
    execution.setVariableLocal(STAGE_PREREQUISITE, stage.prerequisite());
    execution.setVariableLocal(STAGE_PREREQUISITE_NAME,
        stage.prerequisite() == null ? null : journey.stage(stage.prerequisite()).map(Stage::name).orElse(stage.prerequisite()));
    execution.setVariableLocal(STAGE_CHAMPION_REQUIRED, stage.championRequired());
    LocalDate today = CaseClock.today();
    if (journey.text(STAGE_DUE_ON) == null) {
      LocalDate dueOn = TrainingJourneyExpressions.stageDueOn(journey, timescales);
      execution.setVariable(STAGE_DUE_ON, dueOn.toString());
      execution.setVariable(STAGE_DUE_AT, timescales.reminderAt(dueOn));
      execution.setVariable(ATTENDEES, JsonVariables.json(journey.leads().stream()
          .map(lead -> new Attendee(lead.name(), lead.role(), lead.seniorLeader())).toList()));
      execution.setVariable(COMMITMENT_EVIDENCE, JsonVariables.json(stage.commitments().stream()
          .map(commitment -> new Commitment(commitment, null)).toList()));
      execution.setVariable(SESSIONS, JsonVariables.json(stage.sessionsToRecord().stream()
          .map(session -> new Session(session, null, null)).toList()));
    }
    journeys.stageStarted(journey.settingId(), stage.id(), stage.name(), today,
        LocalDate.parse(journey.text(STAGE_DUE_ON)), stage.certificate());
  }

  /** Whether the stage's prerequisite (beyond the previous stage) was completed; true for a stage without one. */
  boolean prerequisiteCompleted(DelegateExecution execution) {
    Journey journey = Journey.of(execution);
    String prerequisite = journey.stage().prerequisite();
    return prerequisite == null || journey.completedStages().contains(prerequisite);
  }

  /** The events the leads can book for the stage, as the form's options. */
  List<Map<String, String>> bookingOptions(String stageId) {
    return calendar.upcoming(stageId, CaseClock.instant()).stream().map(event -> {
      int free = calendar.freePlaces(event.id());
      return Map.of("value", String.valueOf(event.id()), "label", event.title() + ", "
          + event.startsAt().atZone(CaseClock.ZONE).format(JourneyNotices.WHEN) + ", " + event.venue() + " ("
          + (free > 0 ? free + (free == 1 ? " place left)" : " places left)") : "full: join the waiting list)"));
    }).toList();
  }

  /**
   * An event of the stage was added to the calendar: the open "Book a training event" tasks of that stage, whose
   * options were fixed when they were created, list it too (with every event's places left as they are now).
   */
  void refreshBookingOptions(String stageId) {
    WithoutAuthorization.run(() -> {
      List<Map<String, String>> options = bookingOptions(stageId);
      for (Task booking : tasks.createTaskQuery().processDefinitionKey(PROCESS).taskDefinitionKey(BOOKING_TASK).list()) {
        if (stageId.equals(runtime.getVariable(booking.getExecutionId(), STAGE_ID))) {
          runtime.setVariable(booking.getExecutionId(), STAGE_EVENTS, JsonVariables.json(options));
        }
      }
    });
  }

  Optional<TrainingCalendar.Event> bookableEvent(String stageId, String eventId) {
    try {
      long id = Long.parseLong(eventId);
      return calendar.upcoming(stageId, CaseClock.instant()).stream().filter(event -> event.id() == id).findFirst();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  TrainingCalendar.Status book(DelegateExecution execution, TrainingCalendar.Event event) {
    TrainingCalendar.Status status = calendar.book(event.id(), Journey.of(execution).settingId(),
        execution.getProcessInstanceId(), CaseClock.instant());
    execution.setVariable(BOOKING_STATUS, status.name());
    return status;
  }

  /**
   * The setting gives up its place (or its waiting-list entry): the place goes to the first setting waiting whose
   * journey waits for the offer (one suspended in Cockpit is passed over and stays on the list), whose journey goes
   * on to its attendance and whose leads are told. Once the event has started, the place is not offered.
   */
  void giveUpPlace(DelegateExecution execution) {
    Journey journey = Journey.of(execution);
    String event = journey.text(TRAINING_EVENT);
    if (event == null || journey.text(BOOKING_STATUS) == null) {
      return;
    }
    long eventId = Long.parseLong(event);
    calendar.cancel(eventId, journey.settingId(), CaseClock.instant(), this::waitsForAPlace).ifPresent(promoted -> {
      TrainingCalendar.Event offered = calendar.event(eventId).orElseThrow();
      WithoutAuthorization.run(() -> {
        Map<String, Object> promotedJourney = runtime.getVariables(promoted.processInstanceId(),
            List.of(SETTING_ID, CaseVariables.SETTING_NAME, LEADS, STAGE_NAME));
        runtime.createMessageCorrelation(MESSAGE_PLACE_OFFERED).processInstanceId(promoted.processInstanceId())
            .setVariable(BOOKING_STATUS, TrainingCalendar.Status.CONFIRMED.name()).correlate();
        notices.placeOffered(new JourneyNotices.Setting((String) promotedJourney.get(SETTING_ID),
            (String) promotedJourney.get(CaseVariables.SETTING_NAME),
            JsonVariables.readList(promotedJourney.get(LEADS), Lead.class)),
            (String) promotedJourney.get(STAGE_NAME), offered, promoted.bookingId());
      });
    });
    execution.removeVariable(BOOKING_STATUS);
  }

  /**
   * The event the setting waited for has begun without a place for it: its entry leaves the waiting list, and the
   * event with it, so the leads choose another event of the stage (the booking task shows the upcoming ones); they
   * are told so, once.
   */
  void leaveWaitingList(DelegateExecution execution) {
    Journey journey = Journey.of(execution);
    String event = journey.text(TRAINING_EVENT);
    giveUpPlace(execution);
    if (event != null) {
      calendar.event(Long.parseLong(event)).ifPresent(started ->
          notices.waitingListClosed(journey.setting(), journey.stage().name(), started));
    }
    execution.removeVariable(TRAINING_EVENT);
    execution.removeVariable(TRAINING_EVENT_AT);
  }

  /** Whether the booking's journey waits for a place now: at its waiting-list event, and not suspended. */
  private boolean waitsForAPlace(TrainingCalendar.Booking booking) {
    return WithoutAuthorization.call(() -> runtime.createExecutionQuery().processInstanceId(booking.processInstanceId())
        .messageEventSubscriptionName(MESSAGE_PLACE_OFFERED).active().count() > 0);
  }

  void pause(DelegateExecution execution) {
    if (!Journey.of(execution).flag(STAGE_ATTENDED)) {
      giveUpPlace(execution);
    }
    execution.setVariable(PAUSED_ON, CaseClock.today().toString());
    journeys.paused(Journey.of(execution).settingId(), CaseClock.today());
  }

  /** The journey resumes: its stage's timescale moves on by the working days it was paused. */
  void resume(DelegateExecution execution) {
    Journey journey = Journey.of(execution);
    LocalDate pausedOn = LocalDate.parse(journey.text(PAUSED_ON));
    if (journey.text(STAGE_DUE_ON) != null) {
      LocalDate dueOn = timescales.afterPause(LocalDate.parse(journey.text(STAGE_DUE_ON)), pausedOn, CaseClock.today());
      execution.setVariable(STAGE_DUE_ON, dueOn.toString());
      execution.setVariable(STAGE_DUE_AT, timescales.reminderAt(dueOn));
    }
    execution.setVariable(PAUSE_JOURNEY, false);
    execution.removeVariable(PAUSED_ON);
    execution.removeVariable(TRAINING_EVENT);
  }

  /** The stage is met: recorded, its certificate issued and emailed, and the next stage ready to open. */
  void completeStage(DelegateExecution execution) {
    Journey journey = Journey.of(execution);
    Stage stage = journey.stage();
    LocalDate today = CaseClock.today();
    journeys.stageCompleted(journey.settingId(), stage.id(), today);
    String next = journey.nextStage().map(Stage::name).orElse(null);
    journey.recordCompleted(stage.id());
    if (stage.certificate()) {
      byte[] pdf = certificates.certificate(journey.settingName(), stage.name(), today);
      execution.getProcessInstance().setVariable(certificate(stage.id()), Variables.fileValue(JourneyNotices.fileName(stage.id()))
          .file(pdf).mimeType("application/pdf").create());
      notices.certificate(journey.setting(), stage.id(), stage.name(), today, next, pdf);
    }
    for (String done : List.of(STAGE_DUE_ON, STAGE_DUE_AT, TRAINING_EVENT, BOOKING_STATUS, EMBEDDING_EVIDENCE,
        STAGE_OPENING, OPENING_NOTE, ATTENDANCE, EVIDENCE_ACCEPTED, EVIDENCE_NOTE, CHAMPION_NAME, CHAMPION_EMAIL)) {
      execution.getProcessInstance().removeVariable(done);
    }
    execution.setVariable(STAGE_OPENED, false);
    execution.setVariable(STAGE_ATTENDED, false);
  }

  void remindLeadsOfTimescale(DelegateExecution execution) {
    Journey journey = Journey.of(execution);
    Stage stage = journey.stage();
    notices.stageOverdue(journey.setting(), stage.id(), stage.name(), LocalDate.parse(journey.text(STAGE_DUE_ON)),
        stillToDo(execution.getProcessInstanceId()));
  }

  void tellAreaAdvisors(DelegateExecution execution) {
    Journey journey = Journey.of(execution);
    Stage stage = journey.stage();
    List<String> advisors = WithoutAuthorization.call(() -> {
      List<String> advisorIds = identity.createUserQuery().memberOfGroup(RrpGroups.ADVISORS).list().stream()
          .map(User::getId).toList();
      return identity.createUserQuery().memberOfGroup(journey.area()).list().stream()
          .filter(user -> advisorIds.contains(user.getId())).map(User::getEmail)
          .filter(email -> email != null && !email.isBlank()).sorted().toList();
    });
    notices.stageEscalated(journey.setting(), stage.id(), stage.name(), LocalDate.parse(journey.text(STAGE_DUE_ON)),
        stillToDo(execution.getProcessInstanceId()), advisors);
  }

  /** The journey ended before its last stage (not invited, or a prerequisite not met): the leads are told. */
  void tellLeadsJourneyEnded(DelegateExecution execution) {
    Journey journey = Journey.of(execution);
    notices.journeyEnded(journey.setting(), journey.text(STAGE_NAME), journey.text(JOURNEY_END_REASON));
  }

  /** The journey ends, whichever way: the progress row is closed and the read access granted for it revoked. */
  void end(DelegateExecution execution) {
    Journey journey = Journey.of(execution);
    String reason = journey.text(JOURNEY_END_REASON);
    journeys.ended(journey.settingId(), CaseClock.today(), reason == null ? "Journey completed" : reason);
    access.revokeAll(execution.getProcessInstanceId());
  }

  private String stillToDo(String processInstanceId) {
    List<String> open = WithoutAuthorization.call(() -> tasks.createTaskQuery().processInstanceId(processInstanceId)
        .list().stream().map(Task::getName).toList());
    return open.isEmpty() ? "the setting is waiting for a place on a training event" : String.join("; ", open);
  }

  /** What the stage asks, as its forms show it (Markdown); the catalogue's text is read literally. */
  static String summary(Stage stage) {
    List<String> lines = new ArrayList<>();
    lines.add("**What it consists of:** " + MarkdownText.literal(stage.consistsOf()));
    lines.add("**Who attends:** " + stage.leadsToAttend() + (stage.leadsToAttend() == 1 ? " setting lead" : " setting leads")
        + (stage.seniorLeaderRequired() ? ", one of them a senior leader" : ""));
    if (!stage.commitments().isEmpty()) {
      lines.add("**Commitments to evidence:** " + literal(stage.commitments()));
    }
    if (!stage.sessionsToRecord().isEmpty()) {
      lines.add("**Follow-up workshops or sessions:** " + literal(stage.sessionsToRecord()));
    }
    if (stage.championRequired()) {
      lines.add("**A named staff Student Ambassador Champion**");
    }
    lines.add("**Timescale:** " + stage.timescaleTerms() + (stage.timescaleTerms() == 1 ? " term" : " terms")
        + (stage.certificate() ? "; ends in a certificate" : ""));
    return lines.stream().collect(Collectors.joining("\n\n"));
  }

  /** The catalogue's items, as written in the decision table, read literally in the forms' Markdown. */
  private static String literal(List<String> items) {
    return items.stream().map(MarkdownText::literal).collect(Collectors.joining("; "));
  }
}
