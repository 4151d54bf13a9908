package org.rrp.workflow.circle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.rrp.workflow.casework.CaseVariables.*;
import static org.rrp.workflow.circle.CircleVariables.*;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rrp.workflow.CaseProcessTest;
import org.rrp.workflow.TaskForms;
import org.rrp.workflow.TestMail;
import org.rrp.workflow.casework.CaseClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * The Solution Focused Circle, a method per path: an initial meeting and at most two reviews, stopping early,
 * each bad input; and its reminders, with a real SMTP server and the engine's clock.
 */
class CircleProcessTest extends CaseProcessTest {

  static final String CASE = "RRP-2026-7001";
  static final String ADVISOR_EMAIL = "alex@example.org";
  /** Wednesday 11 March 2026, 10:00. */
  static final String INITIAL_MEETING = "2026-03-11T10:00+00:00";
  static final String FIRST_REVIEW = "2026-03-25T10:00+00:00";
  static final String SECOND_REVIEW = "2026-04-15T10:00+01:00";
  static final String PARTICIPANTS_JSON = """
      [{"name":"Sky Teacher","role":"class teacher","email":"sky.teacher@example.org"},
       {"name":"Jo Carer","role":"kinship carer","email":"jo.carer@example.org"}]""";
  static final String PLAN_JSON = """
      [{"what":"Meet Robin at the gate each morning","owner":"Sky Teacher","ownerEmail":"sky.teacher@example.org","byWhen":"2026-03-20"},
       {"what":"Share the calm-down plan at home","owner":"Jo Carer","ownerEmail":"jo.carer@example.org","byWhen":"2026-04-30"}]""";

  @MockitoSpyBean
  JavaMailSender mailSender;

  CircleProcessTest(@Autowired ProcessEngine processEngine) {
    super(processEngine);
  }

  @AfterEach
  void mailSenderWorksAgain() {
    reset(mailSender);
  }

  // ---- paths -----------------------------------------------------------------------------------------------

  @Test
  void closesAfterTheInitialMeetingAndOneReviewThatFindsItResolved() {
    ProcessInstance circle = initialMeetingRecorded();

    holdReview(circle, FIRST_REVIEW, true);

    assertThat(circle).isWaitingAt("Task_RecordCircleOutcome");
    complete(task(circle), withVariables(CASE_OUTCOME, "Robin settles well in the mornings now.",
        SIGNPOSTING, "School nurse drop-in"));
    assertThat(circle).isEnded().hasPassed("EndEvent_CircleClosed");
    assertThat(reviewsHeld(circle)).isEqualTo(1);
  }

  @Test
  void closesWhenTheSecondReviewFindsItResolved() {
    ProcessInstance circle = initialMeetingRecorded();

    holdReview(circle, FIRST_REVIEW, false);
    assertThat(circle).isWaitingAt("Task_ArrangeReviewMeeting").variables().containsEntry(RESOLVED, false);
    assertThat(engine.getRuntimeService().getVariable(task(circle).getExecutionId(), REVIEW_NUMBER)).isEqualTo(2L);
    holdReview(circle, SECOND_REVIEW, true);

    assertThat(circle).isWaitingAt("Task_RecordCircleOutcome").variables().containsEntry(RESOLVED, true);
    assertThat(reviewsHeld(circle)).isEqualTo(2);
  }

  @Test
  void closesAfterTheSecondReviewEvenIfUnresolvedAndAThirdCannotHappen() {
    ProcessInstance circle = initialMeetingRecorded();

    holdReview(circle, FIRST_REVIEW, false);
    holdReview(circle, SECOND_REVIEW, false);

    assertThat(circle).isWaitingAt("Task_RecordCircleOutcome").variables().containsEntry(RESOLVED, false);
    assertThat(reviewsHeld(circle)).as("the review subprocess runs at most twice").isEqualTo(2);
    assertThat(engine.getRepositoryService().getBpmnModelInstance(circle.getProcessDefinitionId())
        .getModelElementById("MultiInstance_AtMostTwoReviews").getDomElement().getChildElements().get(0).getTextContent())
        .as("the model itself allows two reviews at most").isEqualTo("2");
    complete(task(circle), withVariables(CASE_OUTCOME, "Some progress; the family will use the hub.",
        SIGNPOSTING, "Family hub"));
    assertThat(circle).isEnded();
  }

  @Test
  void reviewAddsNewActionsToThePlanAndRecordsWhatWasDone() {
    ProcessInstance circle = initialMeetingRecorded();

    complete(task(circle), arrangement(REVIEW_MEETING_AT, FIRST_REVIEW, REVIEW_VENUE));
    meetingHasTakenPlace(FIRST_REVIEW);
    complete(task(circle), withVariables(REVIEW_MEETING_HELD_ON, "2026-03-25", ACTION_PLAN, json(PLAN_JSON.replace("\"byWhen\":\"2026-03-20\"", "\"byWhen\":\"2026-03-20\",\"done\":true")),
        NEW_ACTIONS, json("[{\"what\":\"Weekly check-in\",\"owner\":\"Sky Teacher\",\"ownerEmail\":\"sky.teacher@example.org\",\"byWhen\":\"2026-04-10\"}]"),
        ASPIRATIONS, "Robin wants to join the football club", AIDS, "Trusted adult", OBSTACLES, "Lunchtimes", RESOLVED, false));

    String plan = engine.getRuntimeService().getVariableTyped(circle.getId(), ACTION_PLAN).getValue().toString();
    assertThat(plan).contains("Weekly check-in").contains("\"done\":true").contains("Share the calm-down plan");
    assertThat(engine.getRuntimeService().getVariable(circle.getId(), NEW_ACTIONS)).isNull();
    assertThat(engine.getRuntimeService().getVariableTyped(circle.getId(), REVIEW_RECORDS).getValue().toString())
        .contains("\"number\":1").contains("\"heldOn\":\"2026-03-25\"").contains("football club");
  }

  @Test
  void advisorStopsTheCaseEarlyFromAnyTaskWithAReason() {
    ProcessInstance circle = initialMeetingRecorded();
    complete(task(circle), arrangement(REVIEW_MEETING_AT, FIRST_REVIEW, REVIEW_VENUE));

    complete(task(circle), withVariables(STOP_CASE, true, STOP_REASON, "Robin has left the school."));

    assertThat(circle).isEnded().hasPassed("EndEvent_CircleStopped").hasNotPassed("Task_RecordCircleOutcome");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(circle.getId())
        .variableName(CASE_STOPPED).singleResult().getValue()).isEqualTo(true);
  }

  // ---- bad input ---------------------------------------------------------------------------------------------

  @Test
  void meetingsInThePastOrBeforeTheInitialMeetingAreRefused() {
    ProcessInstance circle = start();
    assertRejected(circle, arrangement(INITIAL_MEETING_AT, "2026-03-05T10:00+00:00", MEETING_VENUE),
        "The initial meeting must be in the future.");

    complete(task(circle), arrangement(INITIAL_MEETING_AT, INITIAL_MEETING, MEETING_VENUE));
    meetingHasTakenPlace(INITIAL_MEETING);
    complete(task(circle), initialRecord(PLAN_JSON));
    engine.setCurrentTime(Date.from(FRIDAY_MORNING.plusDays(10).toInstant()));
    assertRejected(circle, arrangement(REVIEW_MEETING_AT, "2026-03-10T10:00+00:00", REVIEW_VENUE),
        "The review meeting must be after the day the initial meeting was held.");
  }

  @Test
  void theInitialMeetingIsRecordedOnlyOnceItHasTakenPlaceWithTheDateItWasHeld() {
    ProcessInstance circle = start();
    complete(task(circle), arrangement(INITIAL_MEETING_AT, INITIAL_MEETING, MEETING_VENUE));

    engine.setCurrentTime(Date.from(ZonedDateTime.of(2026, 3, 9, 9, 0, 0, 0, CaseClock.ZONE).toInstant()));
    assertRejected(circle, initialRecord(PLAN_JSON), "The date the initial meeting was held is in the future:"
        + " record the meeting once it has taken place.");
    assertRejected(circle, withVariables(ISSUE_INTRODUCED, "Mornings are hard"), "The date the initial meeting was held is required.");
    Map<String, Object> beforeItWasArranged = initialRecord(PLAN_JSON);
    beforeItWasArranged.put(INITIAL_MEETING_HELD_ON, "2026-03-05");
    assertRejected(circle, beforeItWasArranged, "The date the initial meeting was held is before the day the meeting was arranged.");

    Map<String, Object> heldEarlierThanArranged = initialRecord(PLAN_JSON);
    heldEarlierThanArranged.put(INITIAL_MEETING_HELD_ON, "2026-03-09");
    complete(task(circle), heldEarlierThanArranged);

    assertThat(circle).isWaitingAt("Task_ArrangeReviewMeeting").variables()
        .containsEntry(INITIAL_MEETING_HELD_ON, "2026-03-09").containsEntry(INITIAL_MEETING_AT, INITIAL_MEETING);

    // The review follows the meeting as it was held, not as it was arranged (Wednesday 11 March)
    assertRejected(circle, arrangement(REVIEW_MEETING_AT, "2026-03-09T17:00+00:00", REVIEW_VENUE),
        "The review meeting must be after the day the initial meeting was held.");
    complete(task(circle), arrangement(REVIEW_MEETING_AT, "2026-03-10T10:00+00:00", REVIEW_VENUE));
    assertThat(circle).isWaitingAt("Task_RecordReviewMeeting");
  }

  @Test
  void aReviewMeetingIsRecordedOnlyOnceItHasTakenPlaceAndItsDateIsKeptWithTheReview() {
    ProcessInstance circle = initialMeetingRecorded();
    engine.setCurrentTime(Date.from(ZonedDateTime.of(2026, 3, 16, 9, 0, 0, 0, CaseClock.ZONE).toInstant()));
    complete(task(circle), arrangement(REVIEW_MEETING_AT, FIRST_REVIEW, REVIEW_VENUE));
    Map<String, Object> review = withVariables(REVIEW_MEETING_HELD_ON, "2026-03-25", ACTION_PLAN, json(PLAN_JSON),
        ASPIRATIONS, "Join a club", AIDS, "A trusted adult", OBSTACLES, "Noisy lunchtimes", RESOLVED, true);

    engine.setCurrentTime(Date.from(ZonedDateTime.of(2026, 3, 24, 9, 0, 0, 0, CaseClock.ZONE).toInstant()));
    assertRejected(circle, review, "The date the review meeting was held is in the future:"
        + " record the meeting once it has taken place.");

    meetingHasTakenPlace(FIRST_REVIEW);
    complete(task(circle), review);
    assertThat(circle).isWaitingAt("Task_RecordCircleOutcome").variables().containsEntry(REVIEW_MEETING_HELD_ON, "2026-03-25");
    assertThat(engine.getRuntimeService().getVariableTyped(circle.getId(), REVIEW_RECORDS).getValue().toString())
        .contains("\"heldOn\":\"2026-03-25\"");
  }

  @Test
  void actionsWithoutAnOwnerOrWithAnInvalidEmailAreRefused() {
    ProcessInstance circle = start();
    complete(task(circle), arrangement(INITIAL_MEETING_AT, INITIAL_MEETING, MEETING_VENUE));
    meetingHasTakenPlace(INITIAL_MEETING);

    assertRejected(circle, initialRecord("[{\"what\":\"Check in daily\",\"owner\":\"\",\"ownerEmail\":\"sky.teacher@example.org\",\"byWhen\":\"2026-03-20\"}]"),
        "Action 1 has no owner.");
    assertRejected(circle, initialRecord("[{\"what\":\"Check in daily\",\"owner\":\"Sky\",\"ownerEmail\":\"sky.teacher\",\"byWhen\":\"2026-03-20\"}]"),
        "Action 1: the owner needs a valid email address.");
    assertRejected(circle, initialRecord("[]"), "The action plan needs at least one action.");
    assertRejected(circle, initialRecord("[{\"what\":\"Check in\",\"owner\":\"Sky\",\"ownerEmail\":\"sky@example.org\",\"byWhen\":\"2026-03-01\"}]"),
        "Action 1 is due before the meeting that agreed it.");
  }

  @Test
  void participantsNeedANameAndAValidEmailAndStoppingNeedsAReason() {
    ProcessInstance circle = start();

    assertRejected(circle, withVariables(INITIAL_MEETING_AT, INITIAL_MEETING, MEETING_VENUE, "Online",
        PARTICIPANTS, json("[{\"name\":\"Sky Teacher\",\"email\":\"not-an-email\"}]")),
        "Participant 1 needs a valid email address.");
    assertRejected(circle, withVariables(STOP_CASE, true), "Why the case stops is required.");
  }

  @Test
  void aCheckboxSentAsTextIsRefusedRatherThanTakenAsUnticked() {
    ProcessInstance circle = start();
    Map<String, Object> childAttendsAsText = arrangement(INITIAL_MEETING_AT, INITIAL_MEETING, MEETING_VENUE);
    childAttendsAsText.put(CHILD_ATTENDS, "SECRETYES");
    assertRejected(circle, childAttendsAsText, "Whether the child will attend could not be read.");

    assertRejected(circle, withVariables(STOP_CASE, "true", STOP_REASON, "Robin has left the school."),
        "Stop the case early could not be read.");
    assertThat(circle).isWaitingAt("Task_ArrangeInitialMeeting");
    assertThat(engine.getRuntimeService().getVariable(circle.getId(), CASE_STOPPED)).isNull();
  }

  // ---- reminders -----------------------------------------------------------------------------------------------

  @Test
  void participantsAndAdvisorAreRemindedTwoWorkingDaysBeforeTheMeeting() throws Exception {
    ProcessInstance circle = start();
    complete(task(circle), arrangement(INITIAL_MEETING_AT, INITIAL_MEETING, MEETING_VENUE));

    Job timer = jobAt(circle, "Event_InitialMeetingReminderDue");
    assertThat(timer.getDuedate()).as("Monday 10:00, two working days before Wednesday")
        .isEqualTo(Date.from(ZonedDateTime.of(2026, 3, 9, 10, 0, 0, 0, CaseClock.ZONE).toInstant()));
    assertThat(mail.getReceivedMessages()).isEmpty();

    engine.setCurrentTime(timer.getDuedate());
    engine.getManagementService().executeJob(timer.getId());
    engine.getManagementService().executeJob(jobAt(circle, "Task_RemindOfInitialMeeting").getId());

    assertThat(recipients()).containsExactlyInAnyOrder("sky.teacher@example.org", "jo.carer@example.org", ADVISOR_EMAIL);
    MimeMessage reminder = TestMail.to(mail, "jo.carer@example.org").get(0);
    assertThat(reminder.getSubject()).contains("Wednesday 11/03/2026 at 10:00").doesNotContain("Robin");
    assertThat(GreenMailUtil.getBody(reminder)).contains(CASE).contains("Hollybank Primary, room 2")
        .contains("Your notes from home");
    assertThat(circle).isWaitingAt("Task_RecordInitialMeeting");
  }

  @Test
  void ownerAndAdvisorAreRemindedOnceWhenAnActionFallsDueAndIsNotDone() throws Exception {
    ProcessInstance circle = initialMeetingRecorded();

    engine.setCurrentTime(Date.from(ZonedDateTime.of(2026, 3, 20, 8, 0, 0, 0, CaseClock.ZONE).toInstant()));
    runDailyActionCheck(circle);
    assertThat(recipients()).containsExactlyInAnyOrder("sky.teacher@example.org", ADVISOR_EMAIL);
    assertThat(TestMail.to(mail, "sky.teacher@example.org").get(0).getSubject()).isEqualTo("Action due: case " + CASE);
    assertThat(GreenMailUtil.getBody(TestMail.to(mail, "sky.teacher@example.org").get(0)))
        .contains("is due today, Friday 20/03/2026,");

    engine.setCurrentTime(Date.from(ZonedDateTime.of(2026, 3, 23, 8, 0, 0, 0, CaseClock.ZONE).toInstant()));
    runDailyActionCheck(circle);
    assertThat(mail.getReceivedMessages()).as("the next day's check sends nothing again").hasSize(2);
  }

  @Test
  void aReminderRetriedAfterPartOfItWasSentIsNotSentTwice() throws Exception {
    ProcessInstance circle = start();
    complete(task(circle), arrangement(INITIAL_MEETING_AT, INITIAL_MEETING, MEETING_VENUE));
    engine.getManagementService().executeJob(jobAt(circle, "Event_InitialMeetingReminderDue").getId());
    doCallRealMethod().doThrow(new MailSendException("SMTP connection lost")).doCallRealMethod()
        .when(mailSender).send(any(SimpleMailMessage.class));

    String reminderJob = jobAt(circle, "Task_RemindOfInitialMeeting").getId();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(reminderJob)).hasMessageContaining("SMTP connection lost");
    assertThat(mail.getReceivedMessages()).hasSize(1);
    engine.getManagementService().executeJob(reminderJob);

    assertThat(recipients()).as("each once").containsExactlyInAnyOrder("sky.teacher@example.org", "jo.carer@example.org",
        ADVISOR_EMAIL);
  }

  @Test
  void aReminderThatKeepsFailingRaisesAnIncidentAndTheCaseGoesOn() {
    ProcessInstance circle = start();
    complete(task(circle), arrangement(INITIAL_MEETING_AT, INITIAL_MEETING, MEETING_VENUE));
    engine.getManagementService().executeJob(jobAt(circle, "Event_InitialMeetingReminderDue").getId());
    doThrow(new MailSendException("SMTP server unreachable")).when(mailSender).send(any(SimpleMailMessage.class));

    Job reminder = jobAt(circle, "Task_RemindOfInitialMeeting");
    int attempts = 0;
    while (reminder.getRetries() > 0) {
      String id = reminder.getId();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(id)).isNotNull();
      reminder = engine.getManagementService().createJobQuery().jobId(id).singleResult();
      attempts++;
    }

    assertThat(attempts).as("the first try and three retries with back-off").isEqualTo(4);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(circle.getId()).singleResult())
        .satisfies(incident -> assertThat(incident.getActivityId()).isEqualTo("Task_RemindOfInitialMeeting"));
    assertThat(circle).isWaitingAt("Task_RecordInitialMeeting");
    meetingHasTakenPlace(INITIAL_MEETING);
    complete(task(circle), initialRecord(PLAN_JSON));
    assertThat(circle).isWaitingAt("Task_ArrangeReviewMeeting");
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  /** A circle as the referral's call activity starts it, for a case allocated to alex in East Staffs. */
  private ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey("solution-circle", CASE, Variables.createVariables()
        .putValue(CASE_REFERENCE, CASE).putValue(ADVISOR_ID, "alex")
        .putValue(AREA, "area-east-staffs-tamworth").putValue(CHILD_NAME, "Robin Testchild")
        .putValue(SETTING_NAME, "Hollybank Primary")
        .putValue(DIFFICULTY, "Finds the start of the day hard."));
  }

  private ProcessInstance initialMeetingRecorded() {
    ProcessInstance circle = start();
    assertThat(circle).isWaitingAt("Task_ArrangeInitialMeeting");
    complete(task(circle), arrangement(INITIAL_MEETING_AT, INITIAL_MEETING, MEETING_VENUE));
    assertThat(circle).isWaitingAt("Task_RecordInitialMeeting");
    meetingHasTakenPlace(INITIAL_MEETING);
    complete(task(circle), initialRecord(PLAN_JSON));
    assertThat(circle).isWaitingAt("Task_ArrangeReviewMeeting");
    return circle;
  }

  private void holdReview(ProcessInstance circle, String at, boolean resolved) {
    engine.setCurrentTime(Date.from(java.time.OffsetDateTime.parse(at).minusDays(7).toInstant()));
    complete(task(circle), arrangement(REVIEW_MEETING_AT, at, REVIEW_VENUE));
    assertThat(circle).isWaitingAt("Task_RecordReviewMeeting");
    meetingHasTakenPlace(at);
    complete(task(circle), withVariables(REVIEW_MEETING_HELD_ON, at.substring(0, 10), ACTION_PLAN, json(PLAN_JSON),
        ASPIRATIONS, "Join a club", AIDS, "A trusted adult", OBSTACLES, "Noisy lunchtimes", RESOLVED, resolved));
  }

  /** The engine's clock two hours after the meeting began. */
  private void meetingHasTakenPlace(String at) {
    engine.setCurrentTime(Date.from(java.time.OffsetDateTime.parse(at).plusHours(2).toInstant()));
  }

  private static Map<String, Object> arrangement(String atVariable, String at, String venueVariable) {
    return withVariables(atVariable, at, venueVariable, "Hollybank Primary, room 2", PARTICIPANTS, json(PARTICIPANTS_JSON),
        CHILD_ATTENDS, true, WHAT_TO_BRING, "Your notes from home");
  }

  private static Map<String, Object> initialRecord(String planJson) {
    return withVariables(INITIAL_MEETING_HELD_ON, INITIAL_MEETING.substring(0, 10), ISSUE_INTRODUCED, "Mornings are hard", CLARIFICATION, "It started after the move",
        SUGGESTIONS, "A meet-and-greet", ACTION_PLAN, json(planJson), CHILDS_VIEW, "\"I like it when someone says hi.\"");
  }


  private void assertRejected(ProcessInstance circle, Map<String, Object> submitted, String problem) {
    TaskForms.assertRejected(engine.getProcessEngine(), task(circle), submitted, problem);
  }

  private Job jobAt(ProcessInstance circle, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(circle.getId()).activityId(activityId)
        .singleResult();
  }

  private void runDailyActionCheck(ProcessInstance circle) {
    engine.getManagementService().executeJob(jobAt(circle, "StartEvent_ActionCheckDue").getId());
    engine.getManagementService().executeJob(jobAt(circle, "Task_RemindOwnersOfActionsDue").getId());
  }

  private long reviewsHeld(ProcessInstance circle) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(circle.getId())
        .activityId("Task_ArrangeReviewMeeting").count();
  }

}
