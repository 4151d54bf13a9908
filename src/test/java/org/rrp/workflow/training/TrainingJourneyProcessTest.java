package org.rrp.workflow.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.rrp.workflow.casework.CaseVariables.AREA;
import static org.rrp.workflow.casework.CaseVariables.SETTING_NAME;
import static org.rrp.workflow.training.TrainingVariables.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rrp.workflow.CaseProcessTest;
import org.rrp.workflow.TaskForms;
import org.rrp.workflow.TestMail;
import org.rrp.workflow.casework.CaseClock;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * A setting's training journey, a method per path: stages in order with their certificates, invitations,
 * prerequisites, senior leaders, the calendar's waiting list, timescales, pausing, the catalogue changing, bad input
 * and need-to-know; with a real SMTP server and the engine's clock.
 */
class TrainingJourneyProcessTest extends CaseProcessTest {

  static final String PROCESS = "training-journey";
  static final String EAST = "area-east-staffs-tamworth";
  static final String SETTING = "100001";
  static final String PAT = "pat.head@example.org";
  static final String KIM = "kim.senco@example.org";
  static final String LEADS_JSON = """
      [{"name":"Pat Head","role":"Deputy head","seniorLeader":true,"email":"pat.head@example.org"},
       {"name":"Kim Senco","role":"SENCO","seniorLeader":false,"email":"kim.senco@example.org"}]""";
  static final String ATTENDEES_JSON = """
      [{"name":"Pat Head","role":"Deputy head","seniorLeader":true},{"name":"Kim Senco","role":"SENCO","seniorLeader":false}]""";

  private final List<String> deployments = new ArrayList<>();

  @Autowired
  TrainingProgress progress;

  TrainingJourneyProcessTest(@Autowired ProcessEngine processEngine) {
    super(processEngine);
  }

  @BeforeEach
  void noTrainingYet() {
    jdbc.update("delete from rrp_training_booking");
    jdbc.update("delete from rrp_training_event");
    jdbc.update("delete from rrp_training_stage");
    jdbc.update("delete from rrp_training_journey");
  }

  @AfterEach
  void defaultCatalogueAgain() {
    engine.getIdentityService().clearAuthentication();
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
  }

  // ---- paths -----------------------------------------------------------------------------------------------

  @Test
  void settingCompletesTwoStagesInOrderAndGetsTwoCertificates() throws Exception {
    long awarenessEvent = addEvent("awareness", "The Power of Connection, spring", "2026-03-20T09:30Z", 10);
    long acceptanceEvent = addEvent("acceptance", "Emotion Coaching, summer", "2026-05-12T09:00+01:00", 10);
    ProcessInstance journey = enrol(SETTING, "Brookfield Primary");

    completeStage(journey, awarenessEvent, "2026-04-20");
    Date awardedAwareness = clock();
    assertThat(journey).isWaitingAt("Task_BookTrainingEvent");
    assertThat(variable(journey, STAGE_NAME)).isEqualTo("Acceptance: Emotion Coaching");
    completeStage(journey, acceptanceEvent, "2026-06-15");

    assertThat(journey).isWaitingAt("Task_BookTrainingEvent");
    assertThat(variable(journey, STAGE_NAME)).asString().contains("education colleagues");
    assertThat(pdfText(journey, "awareness")).contains("Brookfield Primary").contains("Awareness: The Power of Connection")
        .contains("on " + LocalDate.ofInstant(awardedAwareness.toInstant(), CaseClock.ZONE).format(Certificates.DATE));
    assertThat(pdfText(journey, "acceptance")).contains("Brookfield Primary").contains("Acceptance: Emotion Coaching")
        .contains("on 15/06/2026");
    List<MimeMessage> toPat = TestMail.to(mail, PAT);
    assertThat(toPat).extracting(MimeMessage::getSubject).containsExactly(
        "RRP training certificate: Awareness: The Power of Connection (setting 100001)",
        "RRP training certificate: Acceptance: Emotion Coaching (setting 100001)");
    assertThat(attachmentName(toPat.get(1))).isEqualTo("certificate-acceptance.pdf");
    assertThat(TestMail.to(mail, KIM)).hasSize(2);
    assertThat(jdbc.queryForList("select stage_id from rrp_training_stage where setting_id = ? and completed_on is not null "
        + "order by completed_on", String.class, SETTING)).containsExactly("awareness", "acceptance");
  }

  @Test
  void aLaterStageCannotStartBeforeTheOneBeforeItIsComplete() {
    addEvent("awareness", "The Power of Connection, spring", "2026-03-20T09:30Z", 10);
    long acceptanceEvent = addEvent("acceptance", "Emotion Coaching, summer", "2026-05-12T09:00+01:00", 10);
    ProcessInstance journey = enrol(SETTING, "Brookfield Primary");

    assertThat(journey).isWaitingAt("Task_BookTrainingEvent");
    assertThat(stageVariable(journey, STAGE_ID)).isEqualTo("awareness");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(journey.getId()).list())
        .as("only the first stage's work is open").extracting(Task::getTaskDefinitionKey).containsExactly("Task_BookTrainingEvent");
    assertThat(variable(journey, STAGE_EVENTS).toString()).contains("The Power of Connection").doesNotContain("Emotion Coaching");
    assertRejected(journey, withVariables(TRAINING_EVENT, String.valueOf(acceptanceEvent), PAUSE_JOURNEY, false),
        "The training event is not an upcoming event of this stage: choose one from the list.");
    assertThat(jdbc.queryForObject("select count(*) from rrp_training_stage where setting_id = ? and stage_id = 'acceptance'",
        Integer.class, SETTING)).isZero();
  }

  @Test
  void aRefusedInvitationEndsTheJourneyAndTheLeadsAreTold() throws Exception {
    completedBefore(SETTING, "awareness", "acceptance", "rrp-education");
    ProcessInstance journey = enrol(SETTING, "Brookfield Primary");

    assertThat(journey).isWaitingAt("Task_DecideStageOpening");
    assertThat(stageVariable(journey, STAGE_ID)).isEqualTo("rrp-senior-leadership");
    assertThat(offered(journey)).as("a stage by invitation, with no prerequisite, has no evidence to ask for again")
        .containsExactly(OPEN, DECLINE);
    assertRejected(journey, withVariables(STAGE_OPENING, EVIDENCE_AGAIN, OPENING_NOTE, "More, please."),
        "Whether the stage opens is not one of the options.");
    complete(task(journey), withVariables(STAGE_OPENING, DECLINE,
        OPENING_NOTE, "The six-day programme is full for this academic year."));
    execute(job());

    assertThat(journey).isEnded().hasPassed("EndEvent_JourneyEndedEarly").hasNotPassed("Task_BookTrainingEvent");
    MimeMessage told = TestMail.to(mail, PAT).get(0);
    assertThat(told.getSubject()).isEqualTo("RRP training journey of setting 100001 ended");
    assertThat(GreenMailUtil.getBody(told)).contains("The six-day programme is full for this academic year.");
    assertThat(jdbc.queryForObject("select end_reason from rrp_training_journey where setting_id = ?", String.class, SETTING))
        .isEqualTo("The six-day programme is full for this academic year.");
  }

  @Test
  void anEventAddedWhileASettingIsBookingIsOfferedToIt() {
    ProcessInstance journey = enrol(SETTING, "Brookfield Primary");
    assertThat(variable(journey, STAGE_EVENTS).toString()).isEqualTo("[]");

    long event = addEvent("awareness", "The Power of Connection, summer", "2026-06-02T09:30+01:00", 12);
    addEvent("acceptance", "Emotion Coaching, summer", "2026-06-09T09:30+01:00", 12);

    assertThat(variable(journey, STAGE_EVENTS).toString()).contains("The Power of Connection, summer")
        .contains("12 places left").doesNotContain("Emotion Coaching");
    book(journey, event);
    assertThat(journey).isWaitingAt("Task_RecordAttendance");
  }

  @Test
  void attendanceIsRecordedOnlyOnceTheEventHasStartedThoughAPlaceCanBeGivenUpBefore() {
    long event = addEvent("awareness", "The Power of Connection, spring", "2026-03-20T09:30Z", 10);
    ProcessInstance journey = enrol(SETTING, "Brookfield Primary");
    book(journey, event);

    engine.setCurrentTime(Date.from(java.time.OffsetDateTime.parse("2026-03-20T09:00Z").toInstant()));
    assertRejected(journey, withVariables(ATTENDANCE, ATTENDED, PAUSE_JOURNEY, false, ATTENDEES, json(ATTENDEES_JSON)),
        "Whether the setting attended: attendance can be recorded only once the training event has started;"
            + " until then only a place given up can be recorded.");

    engine.setCurrentTime(Date.from(java.time.OffsetDateTime.parse("2026-03-20T12:30Z").toInstant()));
    complete(task(journey), withVariables(ATTENDANCE, ATTENDED, PAUSE_JOURNEY, false, ATTENDEES, json(ATTENDEES_JSON)));
    assertThat(journey).isWaitingAt("Task_EvidenceCommitments");
    assertThat(variable(journey, STAGE_ATTENDED)).isEqualTo(true);
    assertThat(variable(journey, TRAINING_EVENT_AT)).asString().startsWith("2026-03-20T09:30");
  }

  @Test
  void aStageNeedingASeniorLeaderCannotCompleteWithoutOne() {
    long event = addEvent("awareness", "The Power of Connection, spring", "2026-03-20T09:30Z", 10);
    ProcessInstance journey = enrol(SETTING, "Brookfield Primary");
    book(journey, event);

    eventHasTakenPlace(journey);
    assertRejected(journey, withVariables(ATTENDANCE, ATTENDED, PAUSE_JOURNEY, false, ATTENDEES,
        json("[{\"name\":\"Kim Senco\",\"role\":\"SENCO\",\"seniorLeader\":false},{\"name\":\"Lee Teacher\",\"role\":\"Class teacher\",\"seniorLeader\":false}]")),
        "The stage needs a senior leader among those who attended: none is marked as one.");
    assertRejected(journey, withVariables(ATTENDANCE, ATTENDED, PAUSE_JOURNEY, false, ATTENDEES,
        json("[{\"name\":\"Pat Head\",\"role\":\"Deputy head\",\"seniorLeader\":true}]")),
        "The stage needs 2 setting leads to attend; 1 attended.");
    assertRejected(journey, withVariables(ATTENDANCE, ATTENDED, PAUSE_JOURNEY, false, ATTENDEES,
        json("[{\"name\":\"Pat Head\",\"role\":\"Deputy head\",\"seniorLeader\":true},{\"name\":\" pat head \",\"role\":\"Deputy head\",\"seniorLeader\":false}]")),
        "Who attended from the setting: each person is listed once.");

    attend(journey);
    assertThat(journey).isWaitingAt("Task_EvidenceCommitments");
  }

  @Test
  void studentAmbassadorsOpenOnlyOnceTheRrpTrainingIsEvidencedAsEmbedded() {
    completedBefore(SETTING, "awareness", "acceptance", "rrp-education", "rrp-senior-leadership");
    ProcessInstance journey = enrol(SETTING, "Brookfield Primary");

    assertThat(journey).isWaitingAt("Task_EvidenceEmbedding");
    assertThat(stageVariable(journey, STAGE_PREREQUISITE_NAME)).asString().contains("education colleagues");
    complete(task(journey), withVariables(EMBEDDING_EVIDENCE, "Restorative conversations are in our policy.", PAUSE_JOURNEY, false));
    assertThat(offered(journey)).as("a stage with a prerequisite may ask for evidence again")
        .containsExactly(OPEN, EVIDENCE_AGAIN, DECLINE);
    complete(task(journey), withVariables(STAGE_OPENING, EVIDENCE_AGAIN, OPENING_NOTE, "Please add what changed for pupils."));
    assertThat(journey).as("the stage does not open without the evidence").isWaitingAt("Task_EvidenceEmbedding");
    complete(task(journey), withVariables(EMBEDDING_EVIDENCE, "Exclusions halved; pupils run circles.", PAUSE_JOURNEY, false));
    complete(task(journey), withVariables(STAGE_OPENING, OPEN));
    assertThat(journey).isWaitingAt("Task_BookTrainingEvent");

    long event = addEvent("student-ambassadors", "Student Ambassadors, session 1", "2026-03-25T13:00Z", 8);
    book(journey, event);
    attend(journey);
    Map<String, Object> evidence = withVariables(PAUSE_JOURNEY, false, COMMITMENT_EVIDENCE, json(
        "[{\"commitment\":\"Student ambassadors support their peers to de-escalate conflict using the structured strategy\",\"evidence\":\"Ambassadors on duty at lunch.\"}]"));
    assertRejected(journey, evidence, "The Student Ambassador Champion's name is required.");
    evidence.put(CHAMPION_NAME, "Ari Mentor");
    evidence.put(CHAMPION_EMAIL, "ari.mentor@example.org");
    complete(task(journey), evidence);
    engine.setCurrentTime(Date.from(FRIDAY_MORNING.plusDays(60).toInstant()));
    assertRejected(journey, withVariables(EVIDENCE_ACCEPTED, true, PAUSE_JOURNEY, false, SESSIONS, json(sessions(4, "2026-04-20"))),
        "Workshop or session 5 is not recorded as attended.");
    complete(task(journey), withVariables(EVIDENCE_ACCEPTED, true, PAUSE_JOURNEY, false, SESSIONS, json(sessions(5, "2026-04-20"))));
    execute(jobAt(journey, "Task_CompleteStage"));
    assertThat(journey).isEnded().hasPassed("EndEvent_JourneyCompleted");
  }

  @Test
  void aStageWhosePrerequisiteWasNotCompletedDoesNotOpen() throws Exception {
    deployCatalogue(catalogue().replace("<text>5</text>", "<text>0</text>"));
    ProcessInstance journey = enrol(SETTING, "Brookfield Primary");
    execute(jobAt(journey, "Task_TellLeadsJourneyEnded"));

    assertThat(journey).as("the Student Ambassadors stage, first in this catalogue, needs the RRP training").isEnded()
        .hasPassed("EndEvent_PrerequisiteNotMet").hasNotPassed("Task_EvidenceEmbedding");
    assertThat(jdbc.queryForObject("select end_reason from rrp_training_journey where setting_id = ?", String.class, SETTING))
        .contains("only for settings that completed Relational and Restorative Practice training for education colleagues");
  }

  @Test
  void aSettingStillWaitingWhenTheEventBeginsLeavesTheListAndBooksAnother() throws Exception {
    long event = addEvent("awareness", "The Power of Connection, spring", "2026-03-20T09:30Z", 1);
    long later = addEvent("awareness", "The Power of Connection, summer", "2026-05-12T09:30Z", 10);
    ProcessInstance first = enrol("100001", "Brookfield Primary");
    ProcessInstance second = enrol("100002", "Larkspur Academy");
    book(first, event);
    book(second, event);
    assertThat(second).isWaitingAt("Gateway_WaitForPlace");

    Job eventBegins = jobAt(second, "Event_EventStartedWithoutPlace");
    assertThat(eventBegins.getDuedate()).isEqualTo(java.util.Date.from(java.time.Instant.parse("2026-03-20T09:30:00Z")));
    engine.setCurrentTime(eventBegins.getDuedate());
    execute(eventBegins);
    execute(jobAt(second, "Task_LeaveWaitingList"));

    assertThat(second).isWaitingAt("Task_BookTrainingEvent").hasPassed("Task_LeaveWaitingList");
    assertThat(new TrainingCalendar(jdbc).waitingList(event)).isEmpty();
    assertThat(engine.getRuntimeService().getVariable(second.getId(), TRAINING_EVENT)).isNull();
    assertThat(mail.getReceivedMessages()).extracting(MimeMessage::getSubject).as("each lead of the setting told once")
        .containsOnly("RRP training: no place came free for setting 100002 on The Power of Connection, spring")
        .hasSize(2);
    book(second, later);
    assertThat(second).isWaitingAt("Task_RecordAttendance");
    assertThat(first).as("the setting that had the place keeps it").isWaitingAt("Task_RecordAttendance");
  }

  @Test
  void aFullEventsWaitingListIsFilledAndPromotedInOrder() throws Exception {
    long event = addEvent("awareness", "The Power of Connection, spring", "2026-03-20T09:30Z", 1);
    List<ProcessInstance> settings = threeBook(event);
    ProcessInstance first = settings.get(0);
    ProcessInstance second = settings.get(1);
    ProcessInstance third = settings.get(2);

    assertThat(first).isWaitingAt("Task_RecordAttendance");
    assertThat(second).isWaitingAt("Gateway_WaitForPlace");
    assertThat(third).isWaitingAt("Gateway_WaitForPlace");
    assertThat(new TrainingCalendar(jdbc).waitingList(event)).containsExactly("100002", "100003");

    complete(task(first), withVariables(ATTENDANCE, PLACE_CANCELLED, PAUSE_JOURNEY, false));

    assertThat(first).isWaitingAt("Task_BookTrainingEvent");
    assertThat(second).as("first on the list takes the place").isWaitingAt("Task_RecordAttendance");
    assertThat(third).isWaitingAt("Gateway_WaitForPlace");
    assertThat(new TrainingCalendar(jdbc).waitingList(event)).containsExactly("100003");
    assertThat(mail.getReceivedMessages()).extracting(MimeMessage::getSubject)
        .containsOnly("RRP training: a place for setting 100002 on The Power of Connection, spring");

    book(first, event);
    assertThat(new TrainingCalendar(jdbc).waitingList(event)).as("a new booking joins the end").containsExactly("100003", "100001");
    complete(task(second), withVariables(ATTENDANCE, PLACE_CANCELLED, PAUSE_JOURNEY, false));
    assertThat(third).isWaitingAt("Task_RecordAttendance");
    assertThat(first).isWaitingAt("Gateway_WaitForPlace");
  }

  @Test
  void aPlaceGivenUpPassesOverASuspendedJourneyOnTheWaitingListAndStaysFreeWhenNoneCanTakeIt() throws Exception {
    long event = addEvent("awareness", "The Power of Connection, spring", "2026-03-20T09:30Z", 1);
    List<ProcessInstance> settings = threeBook(event);
    ProcessInstance first = settings.get(0);
    ProcessInstance suspended = settings.get(1);
    ProcessInstance third = settings.get(2);
    engine.getRuntimeService().suspendProcessInstanceById(suspended.getId());

    complete(task(first), withVariables(ATTENDANCE, PLACE_CANCELLED, PAUSE_JOURNEY, false));

    assertThat(third).as("the next that can take the place").isWaitingAt("Task_RecordAttendance");
    assertThat(new TrainingCalendar(jdbc).waitingList(event)).as("passed over, still waiting").containsExactly("100002");
    complete(task(third), withVariables(ATTENDANCE, PLACE_CANCELLED, PAUSE_JOURNEY, false));

    assertThat(new TrainingCalendar(jdbc).freePlaces(event)).as("no one waiting can take it").isOne();
    assertThat(new TrainingCalendar(jdbc).waitingList(event)).containsExactly("100002");
    assertThat(mail.getReceivedMessages()).extracting(MimeMessage::getSubject)
        .containsOnly("RRP training: a place for setting 100003 on The Power of Connection, spring");
  }

  @Test
  void aPlaceGivenUpOnceTheEventHasStartedIsNotOfferedToTheWaitingList() {
    long event = addEvent("awareness", "The Power of Connection, spring", "2026-03-20T09:30Z", 1);
    ProcessInstance first = enrol("100001", "Brookfield Primary");
    ProcessInstance waiting = enrol("100002", "Larkspur Academy");
    book(first, event);
    book(waiting, event);

    eventHasTakenPlace(first);
    complete(task(first), withVariables(ATTENDANCE, PLACE_CANCELLED, PAUSE_JOURNEY, false));

    assertThat(first).isWaitingAt("Task_BookTrainingEvent");
    assertThat(waiting).as("too late to take the place").isWaitingAt("Gateway_WaitForPlace");
    assertThat(new TrainingCalendar(jdbc).waitingList(event)).containsExactly("100002");
    assertThat(mail.getReceivedMessages()).as("no one is told of a place on an event under way").isEmpty();
  }

  @Test
  void aSettingOfferedAPlaceAgainAfterGivingItUpIsToldAgain() throws Exception {
    long event = addEvent("awareness", "The Power of Connection, spring", "2026-03-20T09:30Z", 1);
    ProcessInstance first = enrol("100001", "Brookfield Primary");
    ProcessInstance second = enrol("100002", "Larkspur Academy");
    book(first, event);
    book(second, event);
    String offered = "RRP training: a place for setting 100002 on The Power of Connection, spring";

    complete(task(first), withVariables(ATTENDANCE, PLACE_CANCELLED, PAUSE_JOURNEY, false));
    book(first, event);
    complete(task(second), withVariables(ATTENDANCE, PLACE_CANCELLED, PAUSE_JOURNEY, false));
    book(second, event);
    assertThat(second).isWaitingAt("Gateway_WaitForPlace");
    complete(task(first), withVariables(ATTENDANCE, PLACE_CANCELLED, PAUSE_JOURNEY, false));

    assertThat(second).as("offered a place a second time").isWaitingAt("Task_RecordAttendance");
    assertThat(TestMail.to(mail, PAT)).extracting(MimeMessage::getSubject).filteredOn(offered::equals)
        .as("one email for each offer").hasSize(2);
  }

  @Test
  void aStagePastItsTimescaleRemindsTheLeadsThenTellsTheAreaAdvisors() throws Exception {
    ProcessInstance journey = enrol(SETTING, "Brookfield Primary");
    assertThat(variable(journey, STAGE_DUE_ON)).as("one term: 65 working days, Good Friday and Easter Monday excluded")
        .isEqualTo("2026-06-11");

    Job overdue = jobAt(journey, "StartEvent_StageOverdue");
    assertThat(overdue.getDuedate()).isEqualTo(at(2026, 6, 12, 9));
    engine.setCurrentTime(overdue.getDuedate());
    engine.getManagementService().executeJob(overdue.getId());
    engine.getManagementService().executeJob(jobAt(journey, "Task_RemindLeadsOfTimescale").getId());
    assertThat(recipients()).containsExactlyInAnyOrder(PAT, KIM);
    MimeMessage reminder = TestMail.to(mail, KIM).get(0);
    assertThat(reminder.getSubject()).isEqualTo("RRP training: stage past its timescale (setting 100001)");
    assertThat(GreenMailUtil.getBody(reminder)).contains("11/06/2026").contains("Book a training event");

    Job escalation = jobAt(journey, "Event_EscalationDue");
    assertThat(escalation.getDuedate()).as("ten working days later").isEqualTo(at(2026, 6, 26, 9));
    engine.setCurrentTime(escalation.getDuedate());
    engine.getManagementService().executeJob(escalation.getId());
    engine.getManagementService().executeJob(jobAt(journey, "Task_TellAreaAdvisors").getId());
    assertThat(recipients()).containsExactlyInAnyOrder(PAT, KIM, "alex@example.org", "ash@example.org");
    assertThat(GreenMailUtil.getBody(TestMail.to(mail, "alex@example.org").get(0))).contains(PAT).contains(KIM)
        .contains("Brookfield Primary");
    assertThat(journey).isWaitingAt("Task_BookTrainingEvent");
    assertThat(progress.report(List.of("rrp-coordinators"), CaseClock.today()).overdue())
        .extracting(TrainingProgress.SettingProgress::settingId).containsExactly(SETTING);
  }

  @Test
  void aJourneyMayBePausedUntilTodayAsTheFormOffersButNotUntilADayPassed() {
    ProcessInstance journey = enrol(SETTING, "Brookfield Primary");
    assertRejected(journey, withVariables(PAUSE_JOURNEY, true, PAUSE_REASON, "Staff changes",
        RESUME_BY, CaseClock.today().minusDays(1).toString()), "When to look at the journey again must be today or a later day.");

    complete(task(journey), withVariables(PAUSE_JOURNEY, true, PAUSE_REASON, "Staff changes",
        RESUME_BY, CaseClock.today().toString()));

    assertThat(journey).isWaitingAt("Task_ResumeJourney");
  }

  @Test
  void recordAttendanceCanPauseTheJourneyWithoutSayingWhetherTheSettingAttended() {
    long event = addEvent("awareness", "The Power of Connection, spring", "2026-03-20T09:30Z", 10);
    ProcessInstance journey = enrol(SETTING, "Brookfield Primary");
    book(journey, event);

    complete(task(journey), withVariables(PAUSE_JOURNEY, true, PAUSE_REASON, "Staff changes", RESUME_BY, "2026-04-20"));

    assertThat(journey).isWaitingAt("Task_ResumeJourney");
    assertThat(new TrainingCalendar(jdbc).freePlaces(event)).as("the place is given up").isEqualTo(10);
  }

  @Test
  void aPausedJourneyResumesAtTheSameStageWithItsTimescaleMovedOn() {
    long event = addEvent("awareness", "The Power of Connection, spring", "2026-03-20T09:30Z", 1);
    ProcessInstance journey = enrol(SETTING, "Brookfield Primary");
    ProcessInstance waiting = enrol("100002", "Larkspur Academy");
    book(journey, event);
    book(waiting, event);

    assertRejected(journey, withVariables(PAUSE_JOURNEY, true), "Why the journey pauses is required.");
    complete(task(journey), withVariables(PAUSE_JOURNEY, true, PAUSE_REASON, "New headteacher starts after Easter.",
        RESUME_BY, "2026-04-20"));

    assertThat(journey).isWaitingAt("Task_ResumeJourney");
    assertThat(waiting).as("the paused setting's place goes to the next").isWaitingAt("Task_RecordAttendance");
    assertThat(progress.report(List.of("rrp-coordinators"), CaseClock.today()).settings().get(0).pausedSince())
        .isEqualTo(LocalDate.of(2026, 3, 6));
    engine.setCurrentTime(Date.from(FRIDAY_MORNING.plusDays(7).toInstant()));
    complete(task(journey));

    assertThat(journey).isWaitingAt("Task_BookTrainingEvent");
    assertThat(stageVariable(journey, STAGE_ID)).isEqualTo("awareness");
    assertThat(variable(journey, STAGE_DUE_ON)).as("five working days later than 11/06/2026").isEqualTo("2026-06-18");
    assertThat(variable(journey, PAUSE_JOURNEY)).isEqualTo(false);
  }

  @Test
  void theFormsShowTheStagesDueDateAndTheDayItPausedAsDayMonthYear() throws IOException {
    ProcessInstance journey = enrol(SETTING, "Brookfield Primary");
    assertThat(variable(journey, STAGE_DUE_ON)).as("kept as ISO for the server's logic").isEqualTo("2026-06-11");
    Map<String, Object> variables = engine.getTaskService().getVariables(task(journey).getId());
    for (String form : List.of("evidence-embedding", "decide-stage-opening", "book-training-event",
        "record-training-attendance", "evidence-commitments", "confirm-stage-evidence")) {
      assertThat(shown(form, "Text_stageSummary", variables)).as(form).contains("**To be completed by:** 11/06/2026");
    }

    complete(task(journey), withVariables(PAUSE_JOURNEY, true, PAUSE_REASON, "Staff changes", RESUME_BY, "2026-04-20"));
    assertThat(shown("resume-journey", "Text_pausedSince", engine.getTaskService().getVariables(task(journey).getId())))
        .startsWith("**Paused since** 06/03/2026 ");
  }

  @Test
  void aSecondJourneyForTheSameSettingIsRefused() {
    enrol(SETTING, "Brookfield Primary");

    assertThatThrownBy(() -> enrol(SETTING, "Brookfield Primary School"))
        .hasMessageContaining("This setting already has a training journey running: continue that one rather than enrol again.");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS)
        .processInstanceBusinessKey(SETTING).count()).isEqualTo(1);
  }

  @Test
  void aSettingsIdentifierIsOneSettingWhateverItsCase() {
    completedBefore("abc-1", "awareness");
    ProcessInstance journey = enrol("ABC-1", "Brookfield Primary");
    assertThat(stageVariable(journey, STAGE_ID)).as("the stage completed as abc-1 counts for ABC-1").isEqualTo("acceptance");

    assertThatThrownBy(() -> enrol("abc-1", "Brookfield Primary"))
        .hasMessageContaining("This setting already has a training journey running: continue that one rather than enrol again.");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(1);
    assertThat(progress.report(List.of("rrp-setting-leads", "setting-abc-1"), CaseClock.today()).settings())
        .extracting(TrainingProgress.SettingProgress::settingId).containsExactly("ABC-1");
  }

  @Test
  void aCatalogueChangeDeployedByACoordinatorAppliesToNewJourneysWithoutARebuild() throws Exception {
    ProcessInstance before = enrol("100001", "Brookfield Primary");
    engine.getIdentityService().setAuthentication("cora", List.of("rrp-coordinators"));
    deployCatalogue(catalogue().replace("Awareness: The Power of Connection", "Awareness: Connection First"));
    engine.getIdentityService().clearAuthentication();

    ProcessInstance after = enrol("100002", "Larkspur Academy");

    assertThat(variable(after, STAGE_NAME)).isEqualTo("Awareness: Connection First");
    assertThat(variable(before, STAGE_NAME)).as("a running journey keeps its catalogue")
        .isEqualTo("Awareness: The Power of Connection");
  }

  // ---- bad input and need-to-know -------------------------------------------------------------------------

  @Test
  void badEnrolmentsAndEventsAreRefusedWithClearMessagesAndStartNothing() {
    VariableMap bad = enrolment(SETTING, "Brookfield Primary");
    bad.putValue(LEADS, json(LEADS_JSON.replace("kim.senco@example.org", "kim.senco")));
    bad.putValue(SETTING_PHASE, "university");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS, bad))
        .hasMessageContaining("Setting lead 2 needs a valid email address.")
        .hasMessageContaining("The setting's phase is not one of the options.")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("kim.senco"));
    VariableMap long_ = enrolment("x!", "B".repeat(201));
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS, long_))
        .hasMessageContaining("The setting's identifier must be 3 to 20 letters, digits or hyphens")
        .hasMessageContaining("The setting's name must be at most 200 characters.");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("training-event", Variables.createVariables()
        .putValue(EVENT_STAGE, "awareness").putValue(EVENT_TITLE, "Old").putValue(EVENT_STARTS_AT, "2026-03-01T09:00Z")
        .putValue(EVENT_VENUE, "x".repeat(201)).putValue(EVENT_PLACES, 0L)))
        .hasMessageContaining("The event must be in the future.")
        .hasMessageContaining("The venue must be at most 200 characters.")
        .hasMessageContaining("The number of places must be a whole number from 1 to 500.");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("training-event", Variables.createVariables()
        .putValue(EVENT_STAGE, "stage-of-no-phase").putValue(EVENT_TITLE, "Unknown").putValue(EVENT_STARTS_AT, "2026-03-01T09:00Z")
        .putValue(EVENT_VENUE, "Online").putValue(EVENT_PLACES, 10L)))
        .hasMessageContaining("The stage is not one of the options.")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("stage-of-no-phase"));

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from rrp_training_journey", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from rrp_training_event", Integer.class)).isZero();
  }

  @Test
  void aNumberOfPlacesBeyondAnIntIsRefusedNotWrappedRoundToOnePlace() {
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("training-event", Variables.createVariables()
        .putValue(EVENT_STAGE, "awareness").putValue(EVENT_TITLE, "The Power of Connection").putValue(EVENT_STARTS_AT, "2026-04-01T09:00Z")
        .putValue(EVENT_VENUE, "Online").putValue(EVENT_PLACES, 4_294_967_297L)))
        .hasMessageContaining("The number of places must be a whole number from 1 to 500.")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("4294967297"));
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("training-event", Variables.createVariables()
        .putValue(EVENT_STAGE, "awareness").putValue(EVENT_TITLE, "The Power of Connection").putValue(EVENT_STARTS_AT, "2026-04-01T09:00Z")
        .putValue(EVENT_VENUE, "Online").putValue(EVENT_PLACES, "12")))
        .hasMessageContaining("The number of places could not be read.");

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from rrp_training_event", Integer.class)).isZero();
  }

  @Test
  void aPauseTickedAsTextIsRefusedRatherThanTakenAsNoPause() {
    ProcessInstance journey = enrol(SETTING, "Brookfield Primary");
    assertRejected(journey, withVariables(PAUSE_JOURNEY, "true", PAUSE_REASON, "Staff changes",
        RESUME_BY, "2026-05-01"), "Whether the journey pauses could not be read.");
    assertThat(journey).isWaitingAt("Task_BookTrainingEvent");
  }

  @Test
  void badStageFormsAreRefusedAndNothingIsKept() {
    long event = addEvent("awareness", "The Power of Connection, spring", "2026-03-20T09:30Z", 10);
    ProcessInstance journey = enrol(SETTING, "Brookfield Primary");
    assertRejected(journey, withVariables(PAUSE_JOURNEY, false), "The training event is required.");
    book(journey, event);
    attend(journey);

    assertRejected(journey, withVariables(PAUSE_JOURNEY, false, COMMITMENT_EVIDENCE, json(
        "[{\"commitment\":\"Share the training video with the whole school community and facilitate the pre-planned activities\",\"evidence\":\"\"}]")),
        "Commitment 1 has no evidence.");
    assertRejected(journey, withVariables(PAUSE_JOURNEY, false, COMMITMENT_EVIDENCE, json(
        "[{\"commitment\":\"Share the training video with the whole school community and facilitate the pre-planned activities\",\"evidence\":\""
            + "x".repeat(4001) + "\"}]")), "Commitment 1's evidence must be at most 4000 characters.");
    complete(task(journey), withVariables(PAUSE_JOURNEY, false, COMMITMENT_EVIDENCE, json(
        "[{\"commitment\":\"Share the training video with the whole school community and facilitate the pre-planned activities\",\"evidence\":\"Shown at the INSET day.\"}]")));
    assertRejected(journey, withVariables(EVIDENCE_ACCEPTED, false, PAUSE_JOURNEY, false),
        "The note to the setting is required when the evidence is not accepted.");
    assertRejected(journey, withVariables(EVIDENCE_ACCEPTED, true, PAUSE_JOURNEY, false, SESSIONS,
        json("[{\"session\":\"2-hour online follow-up workshop: how the training is embedded and its impact on staff\",\"heldOn\":\"2026-12-01\",\"attended\":true}]")),
        "Workshop or session 1 cannot be held in the future.");
    assertRejected(journey, withVariables(EVIDENCE_ACCEPTED, true, PAUSE_JOURNEY, false, SESSIONS,
        json("[{\"session\":\"2-hour online follow-up workshop: how the training is embedded and its impact on staff\",\"heldOn\":\"2026-03-19\",\"attended\":true}]")),
        "Workshop or session 1 cannot be held before the setting's training event of the stage, on 20/03/2026.");
    complete(task(journey), withVariables(EVIDENCE_ACCEPTED, false, PAUSE_JOURNEY, false, EVIDENCE_NOTE, "Please say when."));
    assertThat(journey).isWaitingAt("Task_EvidenceCommitments");
  }

  @Test
  void aLeadWorksOnlyTheirOwnSettingsJourneyAndEnrolsOnlyTheirOwnSetting() {
    ProcessInstance lenas = enrol("100001", "Brookfield Primary");
    ProcessInstance omars = enrol("100002", "Larkspur Academy");
    engine.getIdentityService().setAuthentication("lena", List.of("rrp-setting-leads", "setting-100001"));

    assertThat(engine.getTaskService().createTaskQuery().list()).extracting(Task::getProcessInstanceId)
        .containsExactly(lenas.getId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().list()).extracting(ProcessInstance::getId)
        .containsExactly(lenas.getId()).doesNotContain(omars.getId());
    assertThatThrownBy(() -> enrol("100009", "Another School"))
        .hasMessageContaining("You can enrol only a setting whose training lead you are.");
    assertThatThrownBy(() -> enrol("100002", "Larkspur Academy")).as("another setting, with a journey running")
        .hasMessageContaining("You can enrol only a setting whose training lead you are.")
        .hasMessageNotContaining("already has a training journey");
    assertThat(progress.report(List.of("rrp-setting-leads", "setting-100001"), CaseClock.today()).settings())
        .extracting(TrainingProgress.SettingProgress::settingId).containsExactly("100001");
    assertThat(progress.report(List.of("rrp-advisors", "area-cannock-lichfield"), CaseClock.today()).settings())
        .as("an advisor of another area").isEmpty();
  }

  @Test
  void theProgressReportCountsSettingsThatCompletedEachStageThisAcademicYear() throws Exception {
    long event = addEvent("awareness", "The Power of Connection, spring", "2026-03-20T09:30Z", 10);
    ProcessInstance journey = enrol(SETTING, "Brookfield Primary");
    enrol("100002", "Larkspur Academy");
    completeStage(journey, event, "2026-04-20");

    TrainingProgress.Report report = progress.report(List.of("rrp-managers"), CaseClock.today());

    assertThat(report.yearFrom()).isEqualTo(LocalDate.of(2025, 9, 1));
    assertThat(report.completedThisYear()).extracting(JourneyRepository.CompletedCount::stageId,
        JourneyRepository.CompletedCount::settings).containsExactly(org.assertj.core.groups.Tuple.tuple("awareness", 1));
    assertThat(report.settings()).extracting(TrainingProgress.SettingProgress::settingId,
        TrainingProgress.SettingProgress::stageId).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("100001", "acceptance"), org.assertj.core.groups.Tuple.tuple("100002", "awareness"));
    assertThat(progress.report(List.of("rrp-advisors", EAST), CaseClock.today()).settings()).hasSize(2);
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  private ProcessInstance enrol(String settingId, String settingName) {
    return engine.getRuntimeService().startProcessInstanceByKey(PROCESS, enrolment(settingId, settingName));
  }

  private static VariableMap enrolment(String settingId, String settingName) {
    return Variables.createVariables().putValue(SETTING_ID, settingId).putValue(SETTING_NAME, settingName)
        .putValue(AREA, EAST).putValue(SETTING_PHASE, "primary").putValue(LEADS, json(LEADS_JSON));
  }

  @Test
  void addingAnEventChecksItsStageWithoutRecordingADecisionButAnEnrolmentRecordsItsStages() {
    long event = addEvent("awareness", "The Power of Connection, spring", "2026-03-20T09:30Z", 10);
    String added = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey("event-" + event)
        .singleResult().getId();
    assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(added).count())
        .as("the check of the event's stage").isZero();

    ProcessInstance journey = enrol(SETTING, "Brookfield Primary");
    assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(journey.getId())
        .decisionDefinitionKey(StageCatalogue.DECISION).count()).as("the journey's stages, decided once").isOne();
  }

  private long addEvent(String stage, String title, String startsAt, long places) {
    ProcessInstance added = engine.getRuntimeService().startProcessInstanceByKey("training-event", Variables.createVariables()
        .putValue(EVENT_STAGE, stage).putValue(EVENT_TITLE, title).putValue(EVENT_STARTS_AT, startsAt)
        .putValue(EVENT_VENUE, "Online").putValue(EVENT_PLACES, places));
    return Long.parseLong(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(added.getId())
        .singleResult().getBusinessKey().substring("event-".length()));
  }

  /** Records that the setting attended, once the booked event has taken place (the clock moves on to it if need be). */
  private void attend(ProcessInstance journey) {
    eventHasTakenPlace(journey);
    complete(task(journey), withVariables(ATTENDANCE, ATTENDED, PAUSE_JOURNEY, false, ATTENDEES, json(ATTENDEES_JSON)));
  }

  /** The engine's clock four hours after the booked event began, unless it is later already. */
  private void eventHasTakenPlace(ProcessInstance journey) {
    java.time.Instant over = java.time.OffsetDateTime.parse((String) variable(journey, TRAINING_EVENT_AT)).plusHours(4).toInstant();
    if (CaseClock.instant().isBefore(over)) {
      engine.setCurrentTime(Date.from(over));
    }
  }

  /** Three settings enrolled and booking the event in turn: the first takes its place, the others wait in order. */
  private List<ProcessInstance> threeBook(long event) {
    List<ProcessInstance> settings = List.of(enrol("100001", "Brookfield Primary"), enrol("100002", "Larkspur Academy"),
        enrol("100003", "Hawthorn Nursery and Infants"));
    settings.forEach(journey -> book(journey, event));
    return settings;
  }

  private void book(ProcessInstance journey, long event) {
    assertThat(journey).isWaitingAt("Task_BookTrainingEvent");
    complete(task(journey), withVariables(TRAINING_EVENT, String.valueOf(event), PAUSE_JOURNEY, false));
  }

  /** Books, attends, evidences and confirms the current stage (of the default catalogue's first two). */
  private void completeStage(ProcessInstance journey, long event, String sessionsHeldOn) {
    book(journey, event);
    assertThat(journey).isWaitingAt("Task_RecordAttendance");
    attend(journey);
    String commitments = variable(journey, COMMITMENT_EVIDENCE).toString().replace("}", ",\"evidence\":\"Done at our INSET day.\"}");
    complete(task(journey), withVariables(PAUSE_JOURNEY, false, COMMITMENT_EVIDENCE, json(commitments)));
    engine.setCurrentTime(Date.from(LocalDate.parse(sessionsHeldOn).atTime(16, 0).atZone(CaseClock.ZONE).toInstant()));
    String sessions = variable(journey, SESSIONS).toString().replace("}", ",\"heldOn\":\"" + sessionsHeldOn + "\",\"attended\":true}");
    complete(task(journey), withVariables(EVIDENCE_ACCEPTED, true, PAUSE_JOURNEY, false, SESSIONS, json(sessions)));
    assertThat(journey).isWaitingAt("Task_CompleteStage");
    execute(jobAt(journey, "Task_CompleteStage"));
  }

  private void completedBefore(String settingId, String... stages) {
    for (String stage : stages) {
      jdbc.update("insert into rrp_training_stage (setting_id, stage_id, stage_name, started_on, completed_on, certificate) "
          + "values (?, ?, ?, ?, ?, true)", settingId, stage, stage, java.sql.Date.valueOf("2025-01-06"),
          java.sql.Date.valueOf("2025-07-01"));
    }
  }

  private static String sessions(int attended, String heldOn) {
    List<String> sessions = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      sessions.add("{\"session\":\"Session " + i + "\",\"heldOn\":\"" + heldOn + "\",\"attended\":" + (i <= attended) + "}");
    }
    return "[" + String.join(",", sessions) + "]";
  }

  private String catalogue() throws IOException {
    return Files.readString(Path.of("processes", StageCatalogue.DECISION + ".dmn"), StandardCharsets.UTF_8);
  }

  private void deployCatalogue(String dmn) {
    deployments.add(engine.getRepositoryService().createDeployment().name("catalogue change")
        .addString(StageCatalogue.DECISION + ".dmn", dmn).deploy().getId());
  }

  private String pdfText(ProcessInstance journey, String stageId) throws IOException {
    FileValue certificate = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(journey.getId())
        .variableName(TrainingVariables.certificate(stageId)).singleResult().getTypedValue() instanceof FileValue file ? file : null;
    assertThat(certificate).isNotNull();
    assertThat(certificate.getMimeType()).isEqualTo("application/pdf");
    try (InputStream in = certificate.getValue(); PDDocument pdf = Loader.loadPDF(in.readAllBytes())) {
      return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }
  }

  /**
   * A text component of a form as Tasklist shows it, for the templates these texts use: a variable, or a part of
   * one ({@code substring(name, from, length)}, counted from 1 as FEEL does).
   */
  private static String shown(String form, String textId, Map<String, Object> variables) throws IOException {
    String text = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Path.of("forms", form + ".form").toFile())
        .findParents("id").stream().filter(component -> textId.equals(component.path("id").asText())).findFirst()
        .orElseThrow().path("text").asText();
    java.util.regex.Matcher template = java.util.regex.Pattern
        .compile("\\{\\{\\s*(?:substring\\((\\w+),\\s*(\\d+),\\s*(\\d+)\\)|(\\w+))\\s*}}").matcher(text);
    StringBuilder shown = new StringBuilder();
    while (template.find()) {
      String value = String.valueOf(variables.get(template.group(4) != null ? template.group(4) : template.group(1)));
      if (template.group(1) != null) {
        int from = Integer.parseInt(template.group(2)) - 1;
        value = value.substring(from, from + Integer.parseInt(template.group(3)));
      }
      template.appendReplacement(shown, java.util.regex.Matcher.quoteReplacement(value));
    }
    return template.appendTail(shown).toString();
  }

  private static String attachmentName(MimeMessage message) throws Exception {
    Multipart parts = (Multipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
        return parts.getBodyPart(i).getFileName();
      }
    }
    return null;
  }

  private Object variable(ProcessInstance journey, String name) {
    return engine.getRuntimeService().getVariable(journey.getId(), name);
  }

  /** A variable of the stage being worked (local to it), read where its open task is. */
  private Object stageVariable(ProcessInstance journey, String name) {
    return engine.getRuntimeService().getVariable(task(journey).getExecutionId(), name);
  }

  private Date clock() {
    return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
  }

  private Job jobAt(ProcessInstance journey, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(journey.getId()).activityId(activityId)
        .singleResult();
  }


  /** The choices the open "Decide whether the stage opens" offers, as its form shows them. */
  private List<String> offered(ProcessInstance journey) {
    return com.jayway.jsonpath.JsonPath.read(engine.getTaskService().getVariableLocal(task(journey).getId(),
        STAGE_OPENING_OPTIONS).toString(), "$[*].value");
  }

  private void assertRejected(ProcessInstance journey, Map<String, Object> submitted, String problem) {
    TaskForms.assertRejected(engine.getProcessEngine(), task(journey), submitted, problem);
  }


}
