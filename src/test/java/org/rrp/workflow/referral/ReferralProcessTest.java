package org.rrp.workflow.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.rrp.workflow.casework.CaseVariables.*;
import static org.rrp.workflow.referral.ReferralVariables.*;

import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rrp.workflow.CaseProcessTest;
import org.rrp.workflow.TaskForms;
import org.rrp.workflow.TestMail;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.InvalidInputException;
import org.rrp.workflow.conference.ConferenceVariables;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.rrp.workflow.casework.CaseVariables;

/** The referral process, a method per path: from the request to the advisor's work and the case's closure. */
class ReferralProcessTest extends CaseProcessTest {

  static final String EAST = "area-east-staffs-tamworth";
  static final List<String> EAST_ADVISORS = List.of("alex", "ash");

  ReferralProcessTest(@Autowired ProcessEngine processEngine) {
    super(processEngine);
  }

  // ---- paths -----------------------------------------------------------------------------------------------

  @Test
  void eligibleRequestIsTriagedAndAllocatedToAnAdvisorOfTheSettingsArea() throws Exception {
    ProcessInstance referral = request(ReferralRequests.valid());

    assertThat(referral).isWaitingAt("Task_TriageRequest").hasPassed("Task_DetermineArea", "Task_DecideEligibility");
    assertThat(referral).variables().containsEntry(AREA, EAST).containsEntry(ELIGIBLE, true)
        .containsEntry(SERVICE, ADVICE_AND_GUIDANCE);
    assertThat(task(referral)).hasCandidateGroup("rrp-coordinators");

    complete(task(referral), withVariables(SERVICE, ADVICE_AND_GUIDANCE, AREA, EAST));
    allocate(referral);

    assertThat(referral).isWaitingAt("Task_GiveAdviceAndGuidance");
    Task advisorTask = task(referral);
    assertThat(advisorTask.getAssignee()).isIn(EAST_ADVISORS);
    assertThat(engine.getTaskService().getIdentityLinksForTask(advisorTask.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(EAST));
    MimeMessage allocated = mailTo(advisorTask.getAssignee() + "@example.org").get(0);
    assertThat(allocated.getSubject()).isEqualTo("RRP case " + reference(referral) + " allocated to you")
        .doesNotContain("Robin");
  }

  @Test
  void referrerIsToldTheCaseReferenceAsSoonAsTheRequestIsSaved() throws Exception {
    ProcessInstance referral = submit(ReferralRequests.valid());

    assertThat(referral).isWaitingAt("Task_AcknowledgeRequest");
    assertThat(mail.getReceivedMessages()).isEmpty();
    execute(job(referral));

    MimeMessage received = mailTo(ReferralRequests.REFERRER_EMAIL_ADDRESS).get(0);
    assertThat(received.getSubject()).isEqualTo("RRP request received: " + referral.getBusinessKey());
    assertThat(GreenMailUtil.getBody(received)).contains(referral.getBusinessKey()).doesNotContain("Robin");
  }

  @Test
  void coordinatorsReadTheRequestInLabelsNotCodes() {
    ProcessInstance referral = request(ReferralRequests.valid());

    assertThat((String) variable(referral, REQUEST_SUMMARY))
        .contains("- Referred by: Designated Teacher, Hollybank Primary")
        .contains("- Year group: Year 5")
        .contains("- Legal status or circumstances: Adoption Order")
        .contains("- School or setting: Hollybank Primary, Tamworth")
        .contains("- Service wanted: Advice and guidance")
        .doesNotContain("Robin");
  }

  @Test
  void theDateAChildLeftCareReadsAsAnEnglishDateInTheSummary() {
    ProcessInstance referral = request(ReferralRequests.valid().putValue(LEGAL_STATUS, PREVIOUSLY_IN_CARE)
        .putValue(CARE_ENDED_ON, "2023-03-04"));

    assertThat((String) variable(referral, REQUEST_SUMMARY)).contains(", left care 04/03/2023").doesNotContain("2023-03-04");
  }

  @Test
  void whatTheReferrerTypedReadsAsTextInTheSummaryNotAsALink() {
    VariableMap request = ReferralRequests.valid();
    request.putValue(REFERRER_SETTING, "[a link](https://example.org/phish)");
    request.putValue(SETTING_NAME, "<a href=\"https://example.org/x\">a button</a>");
    ProcessInstance referral = request(request);

    assertThat((String) variable(referral, REQUEST_SUMMARY))
        .contains("- Referred by: Designated Teacher, \\[a link\\]\\(https\\:\\/\\/example\\.org\\/phish\\)")
        .contains("- School or setting: \\<a href\\=\\\"https\\:\\/\\/example\\.org\\/x\\\"\\>a button\\<\\/a\\>, Tamworth")
        .doesNotContainPattern("(^|[^\\\\])[\\[<]").doesNotContain("://");
    assertThat((String) variable(referral, SETTING_NAME)).as("the variable itself keeps what was typed")
        .isEqualTo("<a href=\"https://example.org/x\">a button</a>");
  }

  @Test
  void caseGetsAReadableReferenceAsBusinessKeyNumberedWithinTheYear() {
    ProcessInstance first = request(ReferralRequests.valid());
    ProcessInstance second = request(ReferralRequests.valid());

    assertThat(first.getBusinessKey()).matches("RRP-2026-\\d{4}").isEqualTo(reference(first));
    int firstNumber = Integer.parseInt(first.getBusinessKey().substring(9));
    assertThat(second.getBusinessKey()).isEqualTo(CaseReferences.format(2026, firstNumber + 1));
  }

  @Test
  void everyTaskIsDueInWorkingDays() {
    ProcessInstance referral = request(ReferralRequests.valid());

    // Triage is due in 2 working days: Friday 10:00 -> Tuesday 10:00, the weekend does not count.
    assertThat(task(referral).getDueDate()).isEqualTo(Date.from(FRIDAY_MORNING.plusDays(4).toInstant()));
  }

  @Test
  void ineligibleRequestOverriddenByCoordinatorGoesToTriage() {
    ProcessInstance referral = request(ReferralRequests.ineligible());

    assertThat(referral).isWaitingAt("Task_ReviewIneligibleRequest").variables().containsEntry(ELIGIBLE, false);
    assertThat((String) variable(referral, ELIGIBILITY_REASON)).contains("not in the RRP cohort");

    complete(task(referral), withVariables(INELIGIBLE_DECISION, OVERRIDE,
        OVERRIDE_REASON, "Care arrangements are changing; the family court hearing is next month."));

    assertThat(referral).isWaitingAt("Task_TriageRequest").hasPassed("Gateway_ReadyForTriage");
    assertThat(referral).variables().containsKey(OVERRIDE_REASON);
  }

  @Test
  void ineligibleRequestDeclinedTellsTheReferrerWhyWithSignposting() throws Exception {
    ProcessInstance referral = request(ReferralRequests.ineligible());

    complete(task(referral), withVariables(INELIGIBLE_DECISION, DECLINE,
        DECLINE_REASON, "The child is not in the cohort the team serves.",
        SIGNPOSTING, "The school's educational psychology service; the local early help hub."));
    assertThat(referral).isWaitingAt("Task_NotifyReferrerOfDecline");
    execute(job(referral));

    assertThat(referral).isEnded().hasPassed("EndEvent_RequestDeclined").hasNotPassed("Task_TriageRequest");
    MimeMessage message = mailTo(ReferralRequests.REFERRER_EMAIL_ADDRESS).get(1);
    assertThat(message.getSubject()).isEqualTo("RRP request " + referral.getBusinessKey() + ": outcome");
    assertThat(GreenMailUtil.getBody(message)).contains("not in the cohort").contains("early help hub");
  }

  @Test
  void adviceAndGuidanceClosesTheCaseWithItsOutcomeAndReleasesTheCaseload() throws Exception {
    ProcessInstance referral = triagedAndAllocated(ADVICE_AND_GUIDANCE);
    String advisor = task(referral).getAssignee();
    assertThat(openCasesOf(advisor)).isEqualTo(1);

    complete(task(referral), withVariables(ADVICE_GIVEN, "Meet-and-greet at the door; a calm space agreed.",
        CASE_OUTCOME, "School reports fewer walk-outs.", SIGNPOSTING, "Adoption support fund"));
    assertThat(referral).isWaitingAt("Task_CloseCase");
    execute(job(referral));

    assertThat(referral).isEnded().hasPassed("EndEvent_CaseClosed");
    assertThat(openCasesOf(advisor)).isZero();
    MimeMessage closure = Arrays.stream(mail.getReceivedMessages())
        .filter(m -> subject(m).endsWith("closed")).findFirst().orElseThrow();
    assertThat(closure.getAllRecipients()[0].toString()).isEqualTo(ReferralRequests.REFERRER_EMAIL_ADDRESS);
    assertThat(GreenMailUtil.getBody(closure)).contains("fewer walk-outs").contains("feedback");
  }

  @Test
  void solutionFocusedCircleIsHeldInItsOwnProcessForTheSameCase() {
    ProcessInstance referral = triagedAndAllocated(SOLUTION_FOCUSED_CIRCLE);

    assertThat(referral).isWaitingAt("Task_HoldSolutionFocusedCircle");
    ProcessInstance circle = calledProcessInstance(referral);
    assertThat(circle).hasProcessDefinitionKey("solution-circle").hasBusinessKey(referral.getBusinessKey())
        .isWaitingAt("Task_ArrangeInitialMeeting");
    assertThat(task(circle).getAssignee()).isIn(EAST_ADVISORS);
    assertThat(circle).variables().containsEntry(CASE_REFERENCE, referral.getBusinessKey()).containsEntry(AREA, EAST)
        .doesNotContainKey(REFERRER_EMAIL);
  }

  @Test
  void circleStoppedEarlyClosesTheCaseAndTellsTheReferrerWhy() throws Exception {
    ProcessInstance referral = triagedAndAllocated(SOLUTION_FOCUSED_CIRCLE);
    ProcessInstance circle = calledProcessInstance(referral);

    complete(task(circle), withVariables(CaseVariables.STOP_CASE, true, CaseVariables.STOP_REASON, "The family has moved out of the county."));
    assertThat(circle).isEnded().hasPassed("EndEvent_CircleStopped");
    assertThat(referral).isWaitingAt("Task_CloseCase").variables().containsEntry(CASE_STOPPED, true);
    execute(job(referral));

    assertThat(referral).isEnded().hasPassed("EndEvent_CaseClosed");
    MimeMessage stopped = mailTo(ReferralRequests.REFERRER_EMAIL_ADDRESS).get(1);
    assertThat(stopped.getSubject()).isEqualTo("RRP case " + referral.getBusinessKey() + " stopped");
    assertThat(GreenMailUtil.getBody(stopped)).contains("moved out of the county");
  }

  @Test
  void restorativeConferenceRunsForTheSameCaseAndTheCaseClosesWithItsOutcome() throws Exception {
    ProcessInstance referral = triagedAndAllocated(RESTORATIVE_CONFERENCE);
    assertThat(referral).isWaitingAt("Task_HoldRestorativeConference");
    ProcessInstance conference = calledProcessInstance(referral);
    assertThat(conference.getBusinessKey()).isEqualTo(referral.getBusinessKey());
    assertThat(task(conference).getAssignee()).isIn(EAST_ADVISORS);

    complete(task(conference), withVariables(ConferenceVariables.CONFERENCE_SUITABLE, ConferenceVariables.NOT_SUITABLE,
        ConferenceVariables.SUITABILITY_NOTES, "Not the right time for the families."));
    complete(task(conference), withVariables(ConferenceVariables.ALTERNATIVE_SERVICE, ConferenceVariables.NO_ALTERNATIVE,
        CASE_OUTCOME, "No conference: the families were offered other support.", SIGNPOSTING, "Family hub"));
    assertThat(referral).isWaitingAt("Task_CloseCase");
    execute(job(referral));

    assertThat(referral).isEnded().hasPassed("Task_HoldRestorativeConference", "EndEvent_CaseClosed")
        .hasNotPassed("Task_HoldSolutionFocusedCircle", "Task_GiveAdviceAndGuidance");
    assertThat(GreenMailUtil.getBody(mailTo(ReferralRequests.REFERRER_EMAIL_ADDRESS).get(1)))
        .contains("No conference: the families were offered other support.");
  }

  @Test
  void conferenceNotHeldCanHandTheCaseToASolutionFocusedCircle() {
    ProcessInstance referral = triagedAndAllocated(RESTORATIVE_CONFERENCE);
    ProcessInstance conference = calledProcessInstance(referral);

    complete(task(conference), withVariables(ConferenceVariables.CONFERENCE_SUITABLE, ConferenceVariables.NOT_SUITABLE,
        ConferenceVariables.SUITABILITY_NOTES, "A circle suits the school better."));
    complete(task(conference), withVariables(ConferenceVariables.ALTERNATIVE_SERVICE, SOLUTION_FOCUSED_CIRCLE));

    assertThat(referral).isWaitingAt("Task_HoldSolutionFocusedCircle");
    ProcessInstance circle = calledProcessInstance(referral);
    assertThat(circle.getBusinessKey()).isEqualTo(referral.getBusinessKey());
    assertThat(circle).isWaitingAt("Task_ArrangeInitialMeeting");
  }

  @Test
  void tenCasesOverTwoAdvisorsOfOneAreaEndFiveEach() {
    for (int i = 1; i <= 10; i++) {
      ProcessInstance referral = atAllocation("RRP-2026-91" + String.format("%02d", i), EAST);
      execute(job(referral));
      assertThat(referral).isWaitingAt("Task_NotifyAdvisor");
    }

    Map<String, Long> caseloads = engine.getRuntimeService().createVariableInstanceQuery().variableName(ADVISOR_ID)
        .list().stream().collect(Collectors.groupingBy(v -> (String) v.getValue(), Collectors.counting()));
    assertThat(caseloads).containsOnly(Map.entry("alex", 5L), Map.entry("ash", 5L));
  }

  @Test
  void caseOfAnAreaWithNoAdvisorGoesToACoordinatorToAllocateByHand() {
    Group emptyArea = engine.getIdentityService().newGroup("area-without-advisors");
    if (engine.getIdentityService().createGroupQuery().groupId(emptyArea.getId()).count() == 0) {
      engine.getIdentityService().saveGroup(emptyArea);
    }
    ProcessInstance referral = atAllocation("RRP-2026-9201", emptyArea.getId());
    execute(job(referral));

    assertThat(referral).isWaitingAt("Task_AllocateAdvisorByHand");
    assertThat(task(referral)).hasCandidateGroup("rrp-coordinators");
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();

    complete(task(referral), withVariables(ADVISOR_ID, "bea"));
    execute(job(referral));

    assertThat(referral).isWaitingAt("Task_GiveAdviceAndGuidance");
    assertThat(task(referral)).isAssignedTo("bea");
    assertThat(openCasesOf("bea")).isEqualTo(1);
  }

  // ---- bad input: rejected on the server, nothing started or half-written -----------------------------------

  @Test
  void requestMissingRequiredFieldsIsRejectedSayingWhatToFix() {
    VariableMap request = ReferralRequests.valid();
    request.remove(CHILD_NAME);
    request.putValue(DIFFICULTY, "  ");

    assertRequestRejected(request, "The child's name is required.", "What is stuck is required.");
  }

  @Test
  void requestWithDateOfBirthInTheFutureIsRejected() {
    assertRequestRejected(ReferralRequests.valid().putValue(CHILD_DATE_OF_BIRTH, "2026-03-07"),
        "The child's date of birth is in the future.");
  }

  @Test
  void requestWithUnreadableDateIsRejected() {
    assertRequestRejected(ReferralRequests.valid().putValue(CHILD_DATE_OF_BIRTH, "5th April"),
        "The child's date of birth is not a date");
  }

  @Test
  void requestWithCareEndingBeforeBirthIsRejected() {
    assertRequestRejected(ReferralRequests.valid().putValue(LEGAL_STATUS, PREVIOUSLY_IN_CARE)
        .putValue(CARE_ENDED_ON, "2015-01-01"), "is before their date of birth");
  }

  @Test
  void requestWithCareEndingInTheFutureIsRejected() {
    assertRequestRejected(ReferralRequests.valid().putValue(LEGAL_STATUS, PREVIOUSLY_IN_CARE)
        .putValue(CARE_ENDED_ON, "2027-01-01"), "The date the child left care is in the future.");
  }

  @Test
  void previouslyInCareRequestWithoutCareEndDateIsRejected() {
    assertRequestRejected(ReferralRequests.valid().putValue(LEGAL_STATUS, PREVIOUSLY_IN_CARE),
        "The date the child left care is required.");
  }

  @Test
  void requestFromAnUnknownDistrictIsRejected() {
    assertRequestRejected(ReferralRequests.valid().putValue(SETTING_DISTRICT, "atlantis"),
        "The district is not one the RRP team serves");
  }

  @Test
  void aRequestsAreaIsRecordedAsDecidedOnceTheCheckOfItsDistrictIsNot() {
    ProcessInstance referral = submit(ReferralRequests.valid());
    assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(referral.getId())
        .decisionDefinitionKey(DistrictAreas.DECISION).count()).as("the request's check of its district").isZero();

    execute(job(referral));

    assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(referral.getId())
        .decisionDefinitionKey(DistrictAreas.DECISION).activityIdIn("Task_DetermineArea").count()).isOne();
    assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(referral.getId())
        .decisionDefinitionKey(DistrictAreas.DECISION).count()).isOne();
  }

  @Test
  void anAdvisorsAssignmentLeavesNoWorkerCountBesideTheHistory() {
    ProcessInstance referral = triagedAndAllocated(ADVICE_AND_GUIDANCE);
    Task advice = task(referral);
    assertThat(advice.getAssignee()).isIn(EAST_ADVISORS);

    assertThat(engine.getManagementService().getUniqueTaskWorkerCount(null, null)).as("the engine's worker count").isZero();
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(advice.getId()).singleResult()
        .getAssignee()).as("who works on it, in the history").isEqualTo(advice.getAssignee());
  }

  @Test
  void requestWithoutParentOrCarerAgreementIsRejected() {
    assertRequestRejected(ReferralRequests.valid().putValue(PARENT_CARER_AGREEMENT, false),
        "needs a parent or carer's agreement");
  }

  @Test
  void requestWithAnUnknownServiceOrInvalidEmailIsRejected() {
    assertRequestRejected(ReferralRequests.valid().putValue(SERVICE_WANTED, "mediation")
        .putValue(REFERRER_EMAIL, "pat.referrer"), "The service wanted is not one of the options.",
        "Your email is not a valid email address.");
  }

  @Test
  void triageNamingAnUnknownAreaKeepsTheTaskOpenAndTheCaseUnchanged() {
    ProcessInstance referral = request(ReferralRequests.valid());
    Task triage = task(referral);

    assertTaskRejected(triage, Map.of(SERVICE, SOLUTION_FOCUSED_CIRCLE, AREA, "area-atlantis"),
        "The area is not a known area group.");
    assertThat(variable(referral, AREA)).isEqualTo(EAST);
    assertThat(variable(referral, SERVICE)).isEqualTo(ADVICE_AND_GUIDANCE);

    assertTaskRejected(triage, Map.of(SERVICE, "mediation", AREA, EAST), "The confirmed service is not one of the options.");
  }

  @Test
  void triageToAnotherServiceThanTheOneAskedForNeedsARecordedReason() {
    ProcessInstance referral = request(ReferralRequests.valid());
    Task triage = task(referral);

    assertTaskRejected(triage, Map.of(SERVICE, SOLUTION_FOCUSED_CIRCLE, AREA, EAST),
        "The reason for changing the service is required.");
    assertTaskRejected(triage, Map.of(SERVICE, SOLUTION_FOCUSED_CIRCLE, AREA, EAST, SERVICE_CHANGE_REASON, " "),
        "The reason for changing the service is required.");
    assertThat(variable(referral, SERVICE)).isEqualTo(ADVICE_AND_GUIDANCE);

    complete(triage, withVariables(SERVICE, SOLUTION_FOCUSED_CIRCLE, AREA, EAST,
        SERVICE_CHANGE_REASON, "The school asked for advice, but the difficulty needs a circle."));
    allocate(referral);

    assertThat(referral).isWaitingAt("Task_HoldSolutionFocusedCircle").variables()
        .containsEntry(SERVICE_CHANGE_REASON, "The school asked for advice, but the difficulty needs a circle.");
  }

  @Test
  void theSpacesAroundADistrictAnAreaOrAnAdvisorsIdAreNotKept() {
    ProcessInstance referral = request(ReferralRequests.valid().putValue(SETTING_DISTRICT, " tamworth "));
    assertThat(variable(referral, SETTING_DISTRICT)).isEqualTo("tamworth");
    assertThat(variable(referral, AREA)).as("the area table read the district as typed without them").isEqualTo(EAST);

    complete(task(referral), withVariables(SERVICE, ADVICE_AND_GUIDANCE, AREA, EAST + " "));
    assertThat(variable(referral, AREA)).isEqualTo(EAST);
    allocate(referral);
    assertThat(referral).isWaitingAt("Task_GiveAdviceAndGuidance");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task(referral).getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(EAST));

    engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup("area-without-advisors-3"));
    ProcessInstance byHand = atAllocation("RRP-2026-9401", "area-without-advisors-3");
    execute(job(byHand));
    complete(task(byHand), withVariables(ADVISOR_ID, " bea "));
    assertThat(variable(byHand, ADVISOR_ID)).isEqualTo("bea");
    execute(job(byHand));
    assertThat(task(byHand)).isAssignedTo("bea");
    assertThat(openCasesOf("bea")).isEqualTo(1);
  }

  @Test
  void reviewOfIneligibleRequestNeedsAReasonForItsDecision() {
    ProcessInstance referral = request(ReferralRequests.ineligible());
    Task review = task(referral);

    assertTaskRejected(review, Map.of(INELIGIBLE_DECISION, OVERRIDE), "The reason for the override is required.");
    assertTaskRejected(review, Map.of(INELIGIBLE_DECISION, DECLINE, DECLINE_REASON, "Not in cohort"),
        "Signposting for the referrer is required.");
    assertTaskRejected(review, Map.of(), "Your decision is required.");
  }

  @Test
  void allocationByHandRejectsSomeoneWhoIsNotAnAdvisor() {
    ProcessInstance referral = atAllocation("RRP-2026-9301", "area-without-advisors-2");
    engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup("area-without-advisors-2"));
    execute(job(referral));

    assertTaskRejected(task(referral), Map.of(ADVISOR_ID, "rosa"), "The advisor's user id is not that of an advisor");
    assertThat(openCasesOf("rosa")).isZero();
  }

  @Test
  void adviceFormRejectsAMissingOutcome() {
    ProcessInstance advice = triagedAndAllocated(ADVICE_AND_GUIDANCE);
    assertTaskRejected(task(advice), Map.of(ADVICE_GIVEN, "Some advice"), "The outcome of the case is required.");
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  /** Submits the start form, then runs the acknowledgement job (the save point right after the request). */
  private ProcessInstance request(VariableMap request) {
    ProcessInstance referral = submit(request);
    assertThat(referral).isWaitingAt("Task_AcknowledgeRequest");
    execute(job(referral));
    return referral;
  }

  private ProcessInstance submit(VariableMap request) {
    return ReferralRequests.submit(engine.getProcessEngine(), request);
  }

  /** A request for the service (the child and school are eligible for any), triaged to it and allocated. */
  private ProcessInstance triagedAndAllocated(String service) {
    ProcessInstance referral = request(ReferralRequests.valid().putValue(SERVICE_WANTED, service));
    complete(task(referral), withVariables(SERVICE, service, AREA, EAST));
    allocate(referral);
    return referral;
  }

  /** Runs the two jobs after triage: allocation, then the advisor's notification. */
  private void allocate(ProcessInstance referral) {
    assertThat(referral).isWaitingAt("Task_AllocateAdvisor");
    execute(job(referral));
    assertThat(referral).isWaitingAt("Task_NotifyAdvisor");
    execute(job(referral));
  }

  /** A detour started mid-process: a triaged advice case of the given area, waiting at allocation. */
  private ProcessInstance calledProcessInstance(ProcessInstance referral) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(referral.getId()).singleResult();
  }

  private ProcessInstance atAllocation(String caseReference, String area) {
    return engine.getRuntimeService().createProcessInstanceByKey("referral").businessKey(caseReference)
        .startBeforeActivity("Task_AllocateAdvisor")
        .setVariables(ReferralRequests.valid().putValue(CASE_REFERENCE, caseReference).putValue(AREA, area)
            .putValue(SERVICE, ADVICE_AND_GUIDANCE))
        .execute();
  }

  private void assertRequestRejected(VariableMap request, String... problems) {
    long instancesBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    Integer counterBefore = referenceCounter();

    assertThatThrownBy(() -> submit(request)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Please correct the form:")
        .satisfies(e -> assertThat(e.getMessage()).contains(problems));

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(referenceCounter()).isEqualTo(counterBefore);
  }

  private void assertTaskRejected(Task task, Map<String, Object> submitted, String problem) {
    TaskForms.assertRejected(engine.getProcessEngine(), task, submitted, problem);
  }

  private Integer referenceCounter() {
    return jdbc.query("select last_number from rrp_case_reference where reference_year = 2026",
        rs -> rs.next() ? rs.getInt(1) : null);
  }

  private int openCasesOf(String advisor) {
    return jdbc.queryForObject("select count(*) from rrp_case_allocation where advisor_id = ? and closed_at is null",
        Integer.class, advisor);
  }

  private Object variable(ProcessInstance referral, String name) {
    return engine.getRuntimeService().getVariable(referral.getId(), name);
  }

  private String reference(ProcessInstance referral) {
    return (String) variable(referral, CASE_REFERENCE);
  }

  private static List<MimeMessage> mailTo(String address) {
    return TestMail.to(mail, address);
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

}
