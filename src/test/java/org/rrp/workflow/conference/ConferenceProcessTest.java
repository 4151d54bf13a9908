package org.rrp.workflow.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.rrp.workflow.casework.CaseVariables.*;
import static org.rrp.workflow.conference.ConferenceVariables.*;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.rrp.workflow.casework.CaseClock;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rrp.workflow.CaseProcessTest;
import org.rrp.workflow.TaskForms;
import org.rrp.workflow.TestMail;
import org.rrp.workflow.identity.RrpGroups;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * The Restorative Conference, a method per path: consent from everyone, a refusal, a deadline passing, a child's
 * parent refusing, withdrawal (in Tasklist, by message, and who may send it), not suitable, and each bad input.
 * With a real SMTP server and the engine's clock at Friday 6 March 2026, 10:00.
 */
class ConferenceProcessTest extends CaseProcessTest {

  static final String CASE = "RRP-2026-8001";
  static final String EAST = "area-east-staffs-tamworth";
  static final String ADVISOR_EMAIL = "alex@example.org";
  /** Wednesday 25 March 2026, 10:00. */
  static final String CONFERENCE = "2026-03-25T10:00+00:00";

  /** A child harmed (with a parent), a child who caused harm (with a carer), and a member of staff. */
  static final String THREE_PARTICIPANTS = """
      [{"name":"Kit Pupil","role":"person-harmed","email":"kit.pupil@example.org","child":true,
        "parentCarerName":"Lou Parent","parentCarerEmail":"lou.parent@example.org"},
       {"name":"Robin Testchild","role":"person-who-caused-harm","email":"robin.testchild@example.org","child":true,
        "parentCarerName":"Jo Carer","parentCarerEmail":"jo.carer@example.org"},
       {"name":"Sky Teacher","role":"staff","email":"sky.teacher@example.org"}]""";
  /** Two adults: the person harmed and the person who caused harm. */
  static final String TWO_ADULTS = """
      [{"name":"Dana Harmed","role":"person-harmed","email":"dana.harmed@example.org"},
       {"name":"Lee Caused","role":"person-who-caused-harm","email":"lee.caused@example.org"}]""";
  static final String PLAN = """
      [{"what":"Say sorry to Kit in person","owner":"Robin Testchild","ownerEmail":"robin.testchild@example.org","byWhen":"2026-03-27"}]""";

  ConferenceProcessTest(@Autowired ProcessEngine processEngine) {
    super(processEngine);
  }

  @AfterEach
  void logOut() {
    engine.getIdentityService().clearAuthentication();
  }

  // ---- paths -----------------------------------------------------------------------------------------------

  @Test
  void everyoneConsentsSoTheConferenceIsHeldFollowedUpAndClosed() throws Exception {
    ProcessInstance conference = allConsented(THREE_PARTICIPANTS);
    assertThat(conference).isWaitingAt("Task_ArrangeConference");

    complete(task(conference), arrangement(CONFERENCE, "[\"1\",\"2\",\"3\"]"));
    assertThat(conference).isWaitingAt("Task_RecordConference");
    Job reminder = jobAt(conference, "Event_ConferenceReminderDue");
    assertThat(reminder.getDuedate()).as("Monday 23 March 10:00, two working days before")
        .isEqualTo(at(2026, 3, 23, 10));
    engine.setCurrentTime(reminder.getDuedate());
    execute(reminder);
    execute(jobAt(conference, "Task_RemindOfConference"));
    assertThat(recipients()).as("every participant, each child's parent or carer, and the advisor")
        .containsExactlyInAnyOrder("kit.pupil@example.org", "lou.parent@example.org", "robin.testchild@example.org",
            "jo.carer@example.org", "sky.teacher@example.org", ADVISOR_EMAIL);
    assertThat(TestMail.to(mail, "lou.parent@example.org").get(0).getSubject()).doesNotContain("Kit").doesNotContain("Robin");

    engine.setCurrentTime(at(2026, 3, 25, 14));
    complete(task(conference), record("[\"1\",\"2\",\"3\"]", "2026-04-22"));
    assertThat(conference).isWaitingAt("Event_FollowUpDue");
    Job followUp = jobAt(conference, "Event_FollowUpDue");
    assertThat(followUp.getDuedate()).isEqualTo(at(2026, 4, 22, 9));
    engine.setCurrentTime(followUp.getDuedate());
    execute(followUp);

    assertThat(conference).isWaitingAt("Task_FollowUpAgreement");
    complete(task(conference), withVariables(ACTION_PLAN, json(PLAN.replace("}]", ",\"done\":true}]")),
        AGREEMENT_KEPT, "kept", FOLLOW_UP_NOTES, "Both say the playground feels safer.",
        OUTCOME_FOR_PERSON_HARMED, "Robin kept to the agreement; the school will keep checking in with you.",
        CASE_OUTCOME, "Conference held; the agreement was kept.", SIGNPOSTING, "Family hub"));
    mail.reset();
    execute(jobAt(conference, "Task_TellPersonHarmed"));
    assertThat(recipients()).as("the person harmed, a child, and their parent").containsExactlyInAnyOrder(
        "kit.pupil@example.org", "lou.parent@example.org");
    MimeMessage outcome = TestMail.to(mail, "lou.parent@example.org").get(0);
    assertThat(outcome.getSubject()).isEqualTo("Restorative Conference follow-up: case " + CASE);
    assertThat(GreenMailUtil.getBody(outcome)).contains("the agreement was kept").contains("keep checking in with you");
    execute(jobAt(conference, "Task_AskParticipantsForFeedback"));

    assertThat(conference).isEnded().hasPassed("EndEvent_ConferenceClosed").hasNotPassed("Task_ChooseAlternativeRoute");
    assertThat(recipients()).filteredOn(email -> !email.equals("lou.parent@example.org") && !email.equals("kit.pupil@example.org"))
        .containsExactlyInAnyOrder("robin.testchild@example.org", "jo.carer@example.org", "sky.teacher@example.org");
    assertThat(historic(conference, ACTION_PLAN)).asString().contains("\"done\":true");
    assertThat(historic(conference, CASE_OUTCOME)).isEqualTo("Conference held; the agreement was kept.");
  }

  @Test
  void oneRefusalAmongThreeCancelsTheOtherConsentWorkAndTakesTheAlternativeRoute() {
    ProcessInstance conference = named(THREE_PARTICIPANTS);
    for (int n = 1; n <= 3; n++) {
      prepare(conference, n);
    }
    consent(conference, 1, GIVEN, GIVEN);
    assertThat(tasks(conference, "Task_RecordConsent")).hasSize(2);
    assertThat(jobsAt(conference, "StartEvent_ConsentReminderDue")).hasSize(2);

    consent(conference, 2, REFUSED, GIVEN);

    assertThat(conference).isWaitingAt("Task_ChooseAlternativeRoute");
    assertThat(tasks(conference, "Task_RecordConsent")).as("participant 3's consent task is gone").isEmpty();
    assertThat(jobsAt(conference, "StartEvent_ConsentReminderDue")).as("and its reminder").isEmpty();
    assertThat(jobsAt(conference, "StartEvent_ConsentDeadlinePassed")).as("and its deadline").isEmpty();
    assertThat(everHad(conference, "Task_ArrangeConference")).as("no conference task ever existed").isZero();
    assertThat(variable(conference, NOT_HELD_REASON)).isEqualTo("A participant did not give consent.");

    complete(task(conference), withVariables(ALTERNATIVE_SERVICE, SOLUTION_FOCUSED_CIRCLE));
    assertThat(conference).isEnded().hasPassed("EndEvent_ConferenceNotHeld");
    assertThat(historic(conference, ALTERNATIVE_SERVICE)).isEqualTo(SOLUTION_FOCUSED_CIRCLE);
  }

  @Test
  void aDeadlinePassingWithoutConsentCountsAsARefusalAfterOneReminder() throws Exception {
    ProcessInstance conference = named(TWO_ADULTS);
    prepare(conference, 1);
    prepare(conference, 2);
    consent(conference, 1, GIVEN, null);

    Job reminder = jobsAt(conference, "StartEvent_ConsentReminderDue").get(0);
    assertThat(reminder.getDuedate()).as("Wednesday 18 March, two working days before the deadline")
        .isEqualTo(at(2026, 3, 18, 10));
    engine.setCurrentTime(reminder.getDuedate());
    execute(reminder);
    execute(jobAt(conference, "Task_RemindOfConsent"));
    assertThat(recipients()).as("only the participant whose consent is outstanding, and the advisor")
        .containsExactlyInAnyOrder("lee.caused@example.org", ADVISOR_EMAIL);
    MimeMessage toParticipant = TestMail.to(mail, "lee.caused@example.org").get(0);
    assertThat(toParticipant.getSubject()).isEqualTo("Restorative Conference: consent needed by 20/03/2026, case " + CASE);
    assertThat(GreenMailUtil.getBody(toParticipant)).contains("voluntary").doesNotContain("Lee");

    Job deadline = jobAt(conference, "StartEvent_ConsentDeadlinePassed");
    assertThat(deadline.getDuedate()).as("Friday 20 March 10:00, ten working days after naming")
        .isEqualTo(at(2026, 3, 20, 10));
    engine.setCurrentTime(deadline.getDuedate());
    execute(deadline);

    assertThat(conference).isWaitingAt("Task_ChooseAlternativeRoute");
    assertThat(variable(conference, NOT_HELD_REASON)).isEqualTo("A participant's consent was not given by the deadline.");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(conference.getId()).list().stream()
        .filter(job -> job.getJobDefinitionId() != null).toList())
        .as("nothing of the model's own left to remind anyone of consent (the open task's deadline watch aside)")
        .extracting(Job::getId)
        .containsExactly(jobAt(conference, "StartEvent_ActionCheckDue").getId());
    assertThat(jdbc.queryForList("select handler_cfg_ from act_ru_job where handler_type_ = 'rrp-task-deadline'"
        + " and process_instance_id_ = ?", String.class, conference.getId()))
        .as("a deadline watch for the open task alone: none put back for the tasks the deadline cancelled")
        .containsExactly("reminder:" + task(conference).getId());
    engine.setCurrentTime(at(2026, 3, 24, 8));
    execute(jobAt(conference, "StartEvent_ActionCheckDue"));
    execute(jobAt(conference, "Task_RemindOwnersOfActionsDue"));
    assertThat(mail.getReceivedMessages()).as("no reminder after the deadline").hasSize(2);
  }

  @Test
  void aChildConsentingWithoutTheirParentOrCarerMeansNoConference() {
    ProcessInstance conference = named(THREE_PARTICIPANTS);
    prepare(conference, 1);

    consent(conference, 1, GIVEN, REFUSED);

    assertThat(conference).isWaitingAt("Task_ChooseAlternativeRoute");
    assertThat(tasks(conference, "Task_RecordPreparationMeeting")).isEmpty();
    assertThat(everHad(conference, "Task_ArrangeConference")).isZero();
  }

  @Test
  void withdrawalByMessageAfterTheConferenceWasArrangedCancelsEverythingPending() {
    ProcessInstance conference = allConsented(TWO_ADULTS);
    complete(task(conference), arrangement(CONFERENCE, "[\"1\",\"2\"]"));
    assertThat(jobAt(conference, "Event_ConferenceReminderDue")).isNotNull();

    engine.getRuntimeService().createMessageCorrelation(ConsentWithdrawalAccess.MESSAGE).processInstanceBusinessKey(CASE)
        .correlate();

    assertThat(conference).isWaitingAt("Task_ChooseAlternativeRoute");
    assertThat(tasks(conference, "Task_RecordConference")).as("the conference's task is cancelled").isEmpty();
    assertThat(variable(conference, NOT_HELD_REASON)).isEqualTo(ConferenceTaskChecks.WITHDRAWN);
    assertThat(jobsAt(conference, "Event_ConferenceReminderDue")).isEmpty();
    assertThat(updateGrants(conference)).as("nobody may withdraw any more").isZero();
    engine.setCurrentTime(at(2026, 3, 26, 8));
    execute(jobAt(conference, "StartEvent_ActionCheckDue"));
    execute(jobAt(conference, "Task_RemindOwnersOfActionsDue"));
    assertThat(mail.getReceivedMessages()).as("no reminder afterwards").isEmpty();
    assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation(ConsentWithdrawalAccess.MESSAGE)
        .processInstanceBusinessKey(CASE).correlate()).as("a second withdrawal finds nothing to withdraw from")
        .hasMessageContaining("Cannot correlate message");
  }

  @Test
  void withdrawalRecordedInTasklistUntilTheConferenceIsHeldEndsThePreparation() {
    ProcessInstance conference = allConsented(TWO_ADULTS);
    complete(task(conference), arrangement(CONFERENCE, "[\"1\",\"2\"]"));

    complete(task(conference), withVariables(CONSENT_WITHDRAWN, true));

    assertThat(conference).isWaitingAt("Task_ChooseAlternativeRoute");
    assertThat(variable(conference, NOT_HELD_REASON)).isEqualTo(ConferenceTaskChecks.WITHDRAWN);
    assertThat(jobsAt(conference, "Event_ConferenceReminderDue")).isEmpty();
    complete(task(conference), withVariables(ALTERNATIVE_SERVICE, NO_ALTERNATIVE, CASE_OUTCOME,
        "The conference did not go ahead.", SIGNPOSTING, "School counsellor"));
    assertThat(conference).isEnded();
  }

  @Test
  void aWithdrawalIsRecordedOnAnotherParticipantsConsentTaskWhileTheirsIsAwaited() {
    ProcessInstance conference = named(TWO_ADULTS);
    prepare(conference, 1);
    prepare(conference, 2);
    consent(conference, 1, GIVEN, null);

    // participant 1 withdraws; the only open task is participant 2's consent
    complete(consentTask(conference, 2), withVariables(CONSENT_WITHDRAWN, true));

    assertThat(conference).isWaitingAt("Task_ChooseAlternativeRoute");
    assertThat(variable(conference, NOT_HELD_REASON)).isEqualTo(ConferenceTaskChecks.WITHDRAWN);
    assertThat(tasks(conference, "Task_RecordConsent")).isEmpty();
    assertThat(jobsAt(conference, "StartEvent_ConsentReminderDue")).as("no consent reminder left").isEmpty();
  }

  @Test
  void theCoordinatorOrTheCasesAreaMayWithdrawConsentButNotAReferrerOrAnotherArea() {
    ProcessInstance conference = named(TWO_ADULTS);
    ProcessInstance another = start("RRP-2026-8002");
    complete(task(another), suitability());
    complete(task(another), withVariables(PARTICIPANTS, json(TWO_ADULTS)));

    assertThatThrownBy(() -> withdrawAs("rosa", CASE)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> withdrawAs("bea", CASE)).as("an advisor of Cannock & Lichfield")
        .isInstanceOf(AuthorizationException.class);
    assertThat(conference).isWaitingAt("SubProcess_PrepareParticipant");

    withdrawAs("ash", CASE);
    withdrawAs("cora", "RRP-2026-8002");

    assertThat(conference).isWaitingAt("Task_ChooseAlternativeRoute");
    assertThat(another).isWaitingAt("Task_ChooseAlternativeRoute");
  }

  @Test
  void notSuitableTakesTheAlternativeRouteWithTheReasonRecorded() {
    ProcessInstance conference = start(CASE);

    complete(task(conference), withVariables(CONFERENCE_SUITABLE, NOT_SUITABLE, RESPONSIBILITY_ACCEPTED, false,
        SUITABILITY_NOTES, "Lee does not accept responsibility yet."));

    assertThat(conference).isWaitingAt("Task_ChooseAlternativeRoute");
    assertThat(variable(conference, NOT_HELD_REASON)).isEqualTo(NOT_SUITABLE_REASON);
    complete(task(conference), withVariables(ALTERNATIVE_SERVICE, ADVICE_AND_GUIDANCE));
    assertThat(conference).isEnded().hasNotPassed("SubProcess_PrepareAndHold");
    assertThat(historic(conference, ALTERNATIVE_SERVICE)).isEqualTo(ADVICE_AND_GUIDANCE);
  }

  @Test
  void theAdvisorMayStopTheCaseEarlyFromAPreparationTask() {
    ProcessInstance conference = named(TWO_ADULTS);

    complete(tasks(conference, "Task_RecordPreparationMeeting").get(0),
        withVariables(STOP_CASE, true, STOP_REASON, "The family has moved away."));

    assertThat(conference).isEnded().hasPassed("EndEvent_ConferenceStopped");
    assertThat(historic(conference, CASE_STOPPED)).isEqualTo(true);
  }

  // ---- bad input ---------------------------------------------------------------------------------------------

  @Test
  void aConferenceIsSuitableOnlyWhenResponsibilityIsAcceptedAndRiskManaged() {
    ProcessInstance conference = start(CASE);
    assertRejected(task(conference), withVariables(CONFERENCE_SUITABLE, SUITABLE, RESPONSIBILITY_ACCEPTED, false,
        RISK_MANAGED, true, SUITABILITY_NOTES, "Unclear"), "the person who caused harm accepts responsibility");
    assertRejected(task(conference), withVariables(CONFERENCE_SUITABLE, SUITABLE, RESPONSIBILITY_ACCEPTED, true,
        RISK_MANAGED, true, CO_FACILITATOR_NEEDED, true, SUITABILITY_NOTES, "Fine"), "The co-facilitator's name is required.");
    assertRejected(task(conference), withVariables(CONFERENCE_SUITABLE, SUITABLE, RESPONSIBILITY_ACCEPTED, true,
        RISK_MANAGED, true, SUITABILITY_NOTES, "x".repeat(4001)), "The note on suitability and risk is longer than 4000 characters.");

    complete(task(conference), withVariables(CONFERENCE_SUITABLE, ConferenceVariables.NOT_SUITABLE,
        CO_FACILITATOR_NEEDED, true, SUITABILITY_NOTES, "Responsibility not accepted yet"));
    assertThat(conference).as("a co-facilitator is named only for a conference that goes ahead, as the form asks")
        .isNotWaitingAt("Task_AssessSuitability");
  }

  @Test
  void participantsAreRefusedWhenNoneAreNamedOrOneHasNoValidEmail() {
    ProcessInstance conference = start(CASE);
    complete(task(conference), suitability());

    assertRejected(task(conference), withVariables(PARTICIPANTS, json("[]")), "Name at least one participant.");
    assertRejected(task(conference), withVariables(PARTICIPANTS, json(TWO_ADULTS.replace("lee.caused@example.org", "lee.caused"))),
        "Participant 2 needs a valid email address.");
    assertRejected(task(conference), withVariables(PARTICIPANTS, json(TWO_ADULTS.replace("person-harmed", "staff"))),
        "Name the person harmed.");
    assertRejected(task(conference), withVariables(PARTICIPANTS, json(TWO_ADULTS.replace("\"dana.harmed@example.org\"",
        "\"dana.harmed@example.org\",\"child\":true"))), "Participant 1 is a child: name the parent or carer");
    assertThat(conference).isWaitingAt("Task_NameParticipants");
  }

  @Test
  void aConsentRecordedForSomeoneNotNamedIsRefused() {
    ProcessInstance conference = named(TWO_ADULTS);
    prepare(conference, 2);

    assertRejected(consentTask(conference, 2), withVariables(CONSENT, GIVEN, PARENT_CARER_CONSENT, GIVEN),
        "Participant 2 has no parent or carer named: record only their own consent.");
    assertRejected(consentTask(conference, 2), withVariables(CONSENT, "maybe"),
        "The participant's own consent is not one of the options.");
  }

  @Test
  void aPreparationMeetingIsNotDatedBeforeTheParticipantsWereNamed() {
    ProcessInstance conference = named(TWO_ADULTS);
    Task preparation = participantTask(conference, "Task_RecordPreparationMeeting", 1);

    assertRejected(preparation, withVariables(PREPARATION_MEETING_ON, "2020-01-01", PREPARATION_NOTES, "Explained it."),
        "The date of the preparation meeting is before the day the participants were named.");
    complete(preparation, withVariables(PREPARATION_MEETING_ON, CaseClock.today().toString(), PREPARATION_NOTES,
        "Explained the conference and that it is voluntary."));
    assertThat(tasks(conference, "Task_RecordPreparationMeeting")).as("participant 2's alone").hasSize(1);
  }

  @Test
  void aConferenceDateBeforeEveryoneConsentedOrInThePastIsRefused() {
    ProcessInstance conference = allConsented(TWO_ADULTS);
    engine.setCurrentTime(at(2026, 3, 9, 10));

    assertRejected(task(conference), arrangement("2026-03-06T09:00+00:00", "[\"1\",\"2\"]"),
        "The conference must be after every participant has consented.");
    assertRejected(task(conference), arrangement("2026-03-06T12:00+00:00", "[\"1\",\"2\"]"),
        "The conference must be in the future.");
    assertRejected(task(conference), arrangement(CONFERENCE, "[\"1\",\"7\"]"),
        "Who attends includes someone who is not a named participant.");
    assertRejected(task(conference), arrangement(CONFERENCE, "{\"1\": true}"), "Who attends could not be read.");
    Map<String, Object> venueOverALine = new java.util.HashMap<>(arrangement(CONFERENCE, "[\"1\",\"2\"]"));
    venueOverALine.put(CONFERENCE_VENUE, "x".repeat(201));
    assertRejected(task(conference), venueOverALine, "The venue is longer than 200 characters.");
  }

  @Test
  void theConferenceIsRecordedOnlyOnceItHasTakenPlaceWithTheDateItWasHeld() {
    ProcessInstance conference = allConsented(TWO_ADULTS);
    complete(task(conference), arrangement(CONFERENCE, "[\"1\",\"2\"]"));

    engine.setCurrentTime(at(2026, 3, 24, 16));
    assertRejected(task(conference), record("[\"1\",\"2\"]", "2026-04-22"),
        "The date the conference was held is in the future: record the meeting once it has taken place.");
    Map<String, Object> withoutDate = new java.util.HashMap<>(record("[\"1\",\"2\"]", "2026-04-22"));
    withoutDate.remove(CONFERENCE_HELD_ON);
    assertRejected(task(conference), withoutDate, "The date the conference was held is required.");
    Map<String, Object> beforeArranged = new java.util.HashMap<>(record("[\"1\",\"2\"]", "2026-04-22"));
    beforeArranged.put(CONFERENCE_HELD_ON, "2026-03-01");
    assertRejected(task(conference), beforeArranged,
        "The date the conference was held is before the day the conference was arranged.");

    Map<String, Object> heldEarlierThanArranged = new java.util.HashMap<>(record("[\"1\",\"2\"]", "2026-04-22"));
    heldEarlierThanArranged.put(CONFERENCE_HELD_ON, "2026-03-24");
    Map<String, Object> actionOverALine = new java.util.HashMap<>(heldEarlierThanArranged);
    actionOverALine.put(ACTION_PLAN, json(PLAN.replace("Say sorry to Kit in person", "x".repeat(201))));
    assertRejected(task(conference), actionOverALine, "Action 1: what is to be done is longer than 200 characters.");
    complete(task(conference), heldEarlierThanArranged);

    assertThat(conference).isWaitingAt("Event_FollowUpDue").variables()
        .containsEntry(CONFERENCE_HELD_ON, "2026-03-24").containsEntry(CONFERENCE_AT, CONFERENCE);
  }

  @Test
  void theRecordNeedsEveryParticipantsAgreementAndAFollowUpAfterTheConference() {
    ProcessInstance conference = allConsented(TWO_ADULTS);
    complete(task(conference), arrangement(CONFERENCE, "[\"1\",\"2\"]"));
    engine.setCurrentTime(at(2026, 3, 25, 14));

    assertRejected(task(conference), record("[\"1\"]", "2026-04-22"),
        "Participant 2 has not agreed to the outcome agreement");
    assertRejected(task(conference), record("[\"1\",\"2\",\"3\"]", "2026-04-22"),
        "The agreement is recorded for someone who is not a named participant.");
    assertRejected(task(conference), record("[\"1\",\"2\"]", "2026-03-20"), "The follow-up date must be after the conference.");
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  /** A conference as the referral's call activity starts it, for a case allocated to alex in East Staffs. */
  private ProcessInstance start(String caseReference) {
    return engine.getRuntimeService().startProcessInstanceByKey("restorative-conference", caseReference,
        Variables.createVariables().putValue(CASE_REFERENCE, caseReference).putValue(ADVISOR_ID, "alex")
            .putValue(AREA, EAST).putValue(CHILD_NAME, "Robin Testchild").putValue(SETTING_NAME, "Hollybank Primary")
            .putValue(DIFFICULTY, "A fight at break; both pupils were hurt."));
  }

  private ProcessInstance named(String participants) {
    ProcessInstance conference = start(CASE);
    assertThat(conference).isWaitingAt("Task_AssessSuitability");
    complete(task(conference), suitability());
    assertThat(conference).isWaitingAt("Task_NameParticipants");
    complete(task(conference), withVariables(PARTICIPANTS, json(participants)));
    assertThat(conference).isWaitingAt("SubProcess_PrepareParticipant");
    return conference;
  }

  private ProcessInstance allConsented(String participants) {
    ProcessInstance conference = named(participants);
    int count = tasks(conference, "Task_RecordPreparationMeeting").size();
    for (int n = 1; n <= count; n++) {
      prepare(conference, n);
      boolean child = Boolean.TRUE.equals(engine.getRuntimeService().getVariable(consentTask(conference, n).getExecutionId(),
          PARTICIPANT_IS_CHILD));
      consent(conference, n, GIVEN, child ? GIVEN : null);
    }
    return conference;
  }

  private static Map<String, Object> suitability() {
    return withVariables(CONFERENCE_SUITABLE, SUITABLE, RESPONSIBILITY_ACCEPTED, true, RISK_MANAGED, true,
        CO_FACILITATOR_NEEDED, false, SUITABILITY_NOTES, "Both families willing to meet; no unmanaged risk.");
  }

  private void prepare(ProcessInstance conference, int participant) {
    complete(participantTask(conference, "Task_RecordPreparationMeeting", participant), withVariables(
        PREPARATION_MEETING_ON, "2026-03-06", PREPARATION_NOTES, "Explained the conference and that it is voluntary."));
  }

  private void consent(ProcessInstance conference, int participant, String own, String parentCarer) {
    Map<String, Object> answers = new java.util.HashMap<>(withVariables(CONSENT, own));
    if (parentCarer != null) {
      answers.put(PARENT_CARER_CONSENT, parentCarer);
    }
    complete(consentTask(conference, participant), answers);
  }

  private static Map<String, Object> arrangement(String at, String attendees) {
    return withVariables(CONFERENCE_AT, at, CONFERENCE_VENUE, "Hollybank Primary, library", CONFERENCE_ATTENDEES,
        json(attendees), WHAT_TO_BRING, "Nothing but yourselves");
  }

  private static Map<String, Object> record(String agreedBy, String followUpOn) {
    return withVariables(CONFERENCE_HELD_ON, "2026-03-25", WHAT_HAPPENED, "A fight at break.", WHO_WAS_AFFECTED, "Kit was hurt and frightened.",
        ACTION_PLAN, json(PLAN), AGREED_BY, json(agreedBy), FOLLOW_UP_ON, followUpOn);
  }

  private Task consentTask(ProcessInstance conference, int participant) {
    return participantTask(conference, "Task_RecordConsent", participant);
  }

  private Task participantTask(ProcessInstance conference, String taskKey, int participant) {
    return tasks(conference, taskKey).stream()
        .filter(t -> Integer.valueOf(participant).equals(engine.getRuntimeService().getVariable(t.getExecutionId(), PARTICIPANT_NUMBER)))
        .findFirst().orElseThrow(() -> new AssertionError("no " + taskKey + " for participant " + participant));
  }

  private List<Task> tasks(ProcessInstance conference, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(conference.getId()).taskDefinitionKey(taskKey).list();
  }

  private void withdrawAs(String userId, String caseReference) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
        .map(g -> g.getId()).toList();
    engine.getIdentityService().setAuthentication(userId, groups);
    try {
      engine.getRuntimeService().createMessageCorrelation(ConsentWithdrawalAccess.MESSAGE)
          .processInstanceBusinessKey(caseReference).correlate();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private long updateGrants(ProcessInstance conference) {
    return engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(conference.getId()).list().stream().filter(a -> a.isPermissionGranted(Permissions.UPDATE))
        .filter(a -> RrpGroups.COORDINATORS.equals(a.getGroupId()) || EAST.equals(a.getGroupId())).count();
  }

  private long everHad(ProcessInstance conference, String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(conference.getId())
        .activityId(activityId).count();
  }

  private Object variable(ProcessInstance conference, String name) {
    return engine.getRuntimeService().getVariable(conference.getId(), name);
  }

  private Object historic(ProcessInstance conference, String name) {
    var value = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(conference.getId())
        .variableName(name).singleResult().getValue();
    return value instanceof org.camunda.spin.json.SpinJsonNode node ? node.toString() : value;
  }

  private Job jobAt(ProcessInstance conference, String activityId) {
    List<Job> jobs = jobsAt(conference, activityId);
    assertThat(jobs).as("jobs at " + activityId).hasSize(1);
    return jobs.get(0);
  }

  private List<Job> jobsAt(ProcessInstance conference, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(conference.getId()).activityId(activityId).list();
  }

  private void execute(Job job) {
    engine.getManagementService().executeJob(job.getId());
  }

  private void assertRejected(Task task, Map<String, Object> submitted, String problem) {
    TaskForms.assertRejected(engine.getProcessEngine(), task, submitted, problem);
  }



}
