package org.rrp.workflow;

import static org.rrp.workflow.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rrp.workflow.casework.CaseVariables.*;
import static org.rrp.workflow.conference.ConferenceVariables.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.http.Answer;
import org.rrp.workflow.security.Api;
import org.rrp.workflow.referral.ReferralRequests;
import org.rrp.workflow.referral.ReferralVariables;
import org.rrp.workflow.training.TrainingVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.circle.CircleVariables;
import org.rrp.workflow.referral.ReferralVariables;

/**
 * The whole application on a random port, used over /engine-rest as Tasklist uses it, logging in as each demo
 * role in turn. The job executor runs, so allocation happens on its own.
 */
@WholeAppTest
class RrpWorkflowApplicationTest {

  @org.springframework.boot.test.web.server.LocalServerPort
  int port;

  static final String EAST = "area-east-staffs-tamworth";
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };
  static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };

  @RegisterExtension
  static final GreenMailExtension mail = TestMail.server();

  @Autowired
  TestRestTemplate rest;

  @Test
  void anonymousRestCallsAreRefused() {
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("nobody", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @SuppressWarnings("unchecked")
  void referralWalksFromRequestToTheAdvisorsFirstTaskAndClosure() throws Exception {
    // The referrer sees the start form in Tasklist and submits a request.
    ResponseEntity<Map<String, Object>> startForm = get("rosa", "/engine-rest/process-definition/key/referral/deployed-start-form");
    assertThat(startForm.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(startForm.getBody()).containsEntry("id", "request-support");

    ResponseEntity<Map<String, Object>> started = post("rosa", "/engine-rest/process-definition/key/referral/submit-form",
        Map.of("variables", typed(ReferralRequests.valid())), OBJECT);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String caseId = (String) started.getBody().get("id");
    assertThat((String) started.getBody().get("businessKey")).matches("RRP-\\d{4}-\\d{4}");

    // Another referrer sees nothing of it; the referrer sees their own case.
    assertThat(list("sam", "/engine-rest/process-instance?processInstanceIds=" + caseId)).isEmpty();
    assertThat(list("rosa", "/engine-rest/process-instance?processInstanceIds=" + caseId)).hasSize(1);

    // The coordinator triages: a bad area is refused and the task stays open; then the right one.
    Map<String, Object> triage = eventually(() -> list("cora", "/engine-rest/task?processInstanceId=" + caseId).stream()
        .findFirst().orElse(null));
    assertThat(triage).containsEntry("taskDefinitionKey", "Task_TriageRequest").containsKey("due");
    String triageId = (String) triage.get("id");
    Map<String, Object> triageForm = get("cora", "/engine-rest/task/" + triageId + "/deployed-form").getBody();
    assertThat((List<Map<String, Object>>) field(triageForm, CaseVariables.AREA).get("values")).as("the areas of the district table")
        .hasSize(4).contains(Map.of("label", "East Staffs & Tamworth", "value", EAST));
    assertThat(post("cora", "/engine-rest/task/" + triageId + "/claim", Map.of("userId", "cora"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<Map<String, Object>> refused = post("cora", "/engine-rest/task/" + triageId + "/submit-form",
        Map.of("variables", typed(Map.of(CaseVariables.SERVICE, "advice-and-guidance", CaseVariables.AREA, "area-atlantis"))), OBJECT);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message"))
        .isEqualTo("Please correct the form: The area is not a known area group.");
    assertThat(list("cora", "/engine-rest/task?processInstanceId=" + caseId)).hasSize(1);
    assertThat(post("cora", "/engine-rest/task/" + triageId + "/submit-form",
        Map.of("variables", typed(Map.of(CaseVariables.SERVICE, "advice-and-guidance", CaseVariables.AREA, EAST))), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    // The job executor allocates the case to an East Staffs & Tamworth advisor, who is emailed.
    Map<String, Object> advice = eventually(() -> list("cora", "/engine-rest/task?processInstanceId=" + caseId).stream()
        .filter(t -> "Task_GiveAdviceAndGuidance".equals(t.get("taskDefinitionKey"))).findFirst().orElse(null));
    String advisor = (String) advice.get("assignee");
    assertThat(advisor).isIn("alex", "ash");
    String adviceId = (String) advice.get("id");
    assertThat(list(advisor, "/engine-rest/task?assignee=" + advisor)).extracting(t -> t.get("id")).contains(adviceId);
    MimeMessage allocated = eventually(() -> mailTo(advisor + "@example.org").stream().findFirst().orElse(null));
    assertThat(allocated.getSubject()).endsWith("allocated to you");

    // An advisor of another area neither sees nor claims it; a manager reads it but cannot complete it.
    assertThat(list("bea", "/engine-rest/task?processInstanceId=" + caseId)).isEmpty();
    assertThat(post("bea", "/engine-rest/task/" + adviceId + "/claim", Map.of("userId", "bea"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(list("max", "/engine-rest/task?processInstanceId=" + caseId)).hasSize(1);
    assertThat(post("max", "/engine-rest/task/" + adviceId + "/complete", Map.of(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // The advisor gives advice and closes the case; the referrer is told the outcome.
    assertThat(post(advisor, "/engine-rest/task/" + adviceId + "/submit-form", Map.of("variables", typed(Map.of(
        ReferralVariables.ADVICE_GIVEN, "A named adult at the door each morning.", CaseVariables.CASE_OUTCOME, "Settled into the new class."))),
        String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    eventually(() -> "COMPLETED".equals(get("cora", "/engine-rest/history/process-instance/" + caseId).getBody().get("state"))
        ? true : null);
    List<MimeMessage> toReferrer = eventually(() -> mailTo(ReferralRequests.REFERRER_EMAIL_ADDRESS).size() == 2
        ? mailTo(ReferralRequests.REFERRER_EMAIL_ADDRESS) : null);
    assertThat(toReferrer.get(0).getSubject()).startsWith("RRP request received: RRP-");
    assertThat(toReferrer.get(1).getSubject()).endsWith("closed");
  }

  @Test
  void solutionFocusedCircleRunsFromArrangingTheMeetingToClosureOverRest() throws Exception {
    Map<String, Object> request = new LinkedHashMap<>(ReferralRequests.valid());
    request.put(ReferralVariables.SERVICE_WANTED, "solution-focused-circle");
    ResponseEntity<Map<String, Object>> started = post("rosa", "/engine-rest/process-definition/key/referral/submit-form",
        Map.of("variables", typed(request)), OBJECT);
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    String caseId = (String) started.getBody().get("id");
    String caseReference = (String) get("rosa", "/engine-rest/process-instance/" + caseId).getBody().get("businessKey");
    Map<String, Object> triage = eventually(() -> list("cora", "/engine-rest/task?processInstanceId=" + caseId).stream()
        .findFirst().orElse(null));
    submit("cora", triage, Map.of(CaseVariables.SERVICE, "solution-focused-circle", CaseVariables.AREA, EAST));

    // The circle runs as its own process for the same case; its tasks go to the allocated advisor.
    Map<String, Object> arrange = circleTask(caseReference, "Task_ArrangeInitialMeeting");
    String advisor = (String) arrange.get("assignee");
    assertThat(advisor).isIn("alex", "ash");
    assertThat(list("bea", "/engine-rest/task?processInstanceBusinessKey=" + caseReference)).isEmpty();
    String meetingAt = OffsetDateTime.now().plusDays(10).withNano(0).toString();
    String participants = "[{\"name\":\"Sky Teacher\",\"role\":\"class teacher\",\"email\":\"sky.teacher@example.org\"}]";
    submit(advisor, arrange, Map.of(CircleVariables.INITIAL_MEETING_AT, meetingAt, CircleVariables.MEETING_VENUE, "Hollybank Primary, room 2",
        CircleVariables.PARTICIPANTS, json(participants), CircleVariables.CHILD_ATTENDS, true, CaseVariables.STOP_CASE, false));

    String plan = "[{\"what\":\"Meet Robin at the gate\",\"owner\":\"Sky Teacher\",\"ownerEmail\":\"sky.teacher@example.org\",\"byWhen\":\""
        + OffsetDateTime.now().plusDays(20).toLocalDate() + "\"}]";
    submit(advisor, circleTask(caseReference, "Task_RecordInitialMeeting"), Map.of(CircleVariables.INITIAL_MEETING_HELD_ON,
        heldToday(), CircleVariables.ISSUE_INTRODUCED, "Mornings are hard",
        CircleVariables.CLARIFICATION, "Since the move", CircleVariables.SUGGESTIONS, "Meet and greet", CaseVariables.ACTION_PLAN, json(plan),
        CircleVariables.CHILDS_VIEW, "Likes being greeted", CaseVariables.STOP_CASE, false));
    submit(advisor, circleTask(caseReference, "Task_ArrangeReviewMeeting"), Map.of(CircleVariables.REVIEW_MEETING_AT,
        OffsetDateTime.now().plusDays(30).withNano(0).toString(), CircleVariables.REVIEW_VENUE, "Online", CircleVariables.PARTICIPANTS, json(participants),
        CaseVariables.STOP_CASE, false));
    // The review's form shows each action's what, who and when read-only: a submission rewriting them keeps what was agreed.
    String rewritten = plan.replace("Meet Robin at the gate", "Rewritten").replace("Sky Teacher", "Mallory").replace("}]", ",\"done\":true}]");
    submit(advisor, circleTask(caseReference, "Task_RecordReviewMeeting"), Map.of(CircleVariables.REVIEW_MEETING_HELD_ON,
        heldToday(), CaseVariables.ACTION_PLAN,
        json(rewritten), CircleVariables.ASPIRATIONS, "Join the football club", CircleVariables.AIDS, "A trusted adult",
        CircleVariables.OBSTACLES, "Lunchtimes", CircleVariables.RESOLVED, true, CaseVariables.STOP_CASE, false));
    submit(advisor, circleTask(caseReference, "Task_RecordCircleOutcome"), Map.of(CaseVariables.CASE_OUTCOME,
        "Robin settles well in the mornings.", CaseVariables.SIGNPOSTING, "School nurse drop-in", CaseVariables.STOP_CASE, false));

    eventually(() -> "COMPLETED".equals(get("cora", "/engine-rest/history/process-instance/" + caseId).getBody().get("state"))
        ? true : null);
    MimeMessage closed = eventually(() -> mailTo(ReferralRequests.REFERRER_EMAIL_ADDRESS).stream()
        .filter(m -> subjectOf(m).equals("RRP case " + caseReference + " closed")).findFirst().orElse(null));
    assertThat(GreenMailUtil.getBody(closed)).contains("Meet Robin at the gate (Sky Teacher").contains("done")
        .contains("feedback").doesNotContain("Rewritten").doesNotContain("Mallory");
  }

  @Test
  @SuppressWarnings("unchecked")
  void formsTakeTheirDistrictAndAreaOptionsFromTheDistrictTable() {
    Map<String, Object> startForm = get("rosa", "/engine-rest/process-definition/key/referral/deployed-start-form").getBody();

    Map<String, Object> district = field(startForm, ReferralVariables.SETTING_DISTRICT);
    assertThat(district).doesNotContainKey("valuesKey");
    assertThat((List<Map<String, Object>>) district.get("values")).hasSize(8)
        .contains(Map.of("label", "Newcastle-under-Lyme", "value", "newcastle-under-lyme"));
  }

  /** The day a meeting was held, as recorded: it may be held earlier than arranged, so today will do here. */
  private static String heldToday() {
    return org.rrp.workflow.casework.CaseClock.today().toString();
  }

  /** A field of a Camunda Form schema, searched through its groups. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> field(Map<String, Object> form, String key) {
    for (Map<String, Object> component : (List<Map<String, Object>>) form.getOrDefault("components", List.of())) {
      if (key.equals(component.get("key"))) {
        return component;
      }
      Map<String, Object> nested = field(component, key);
      if (nested != null) {
        return nested;
      }
    }
    return null;
  }

  @Test
  void restorativeConferenceRunsFromSuitabilityToFollowUpOverRestAndCannotBeWithdrawnFromOnceHeld() throws Exception {
    String caseReference = conferenceCaseWithConsentRequested();
    String advisor = (String) conferenceTasks(caseReference, "Task_RecordPreparationMeeting", 2).get(0).get("assignee");
    assertThat(list("bea", "/engine-rest/task?processInstanceBusinessKey=" + caseReference)).isEmpty();

    // Each participant's preparation meeting, then their consent: the conference can then be arranged.
    for (Map<String, Object> preparation : conferenceTasks(caseReference, "Task_RecordPreparationMeeting", 2)) {
      submit(advisor, preparation, Map.of(PREPARATION_MEETING_ON, LocalDate.now().toString(),
          PREPARATION_NOTES, "Explained the conference; taking part is voluntary.", CONSENT_WITHDRAWN, false, STOP_CASE, false));
    }
    for (Map<String, Object> consent : conferenceTasks(caseReference, "Task_RecordConsent", 2)) {
      submit(advisor, consent, Map.of(CONSENT, GIVEN, STOP_CASE, false));
    }
    OffsetDateTime conferenceAt = OffsetDateTime.now().plusDays(10).withNano(0);
    submit(advisor, conferenceTask(caseReference, "Task_ArrangeConference"), Map.of(CONFERENCE_AT, conferenceAt.toString(),
        CONFERENCE_VENUE, "Hollybank Primary, library", CONFERENCE_ATTENDEES, json("[\"1\",\"2\"]"),
        CONSENT_WITHDRAWN, false, STOP_CASE, false));
    String plan = "[{\"what\":\"Say sorry in person\",\"owner\":\"Lee Caused\",\"ownerEmail\":\"lee.caused@example.org\",\"byWhen\":\""
        + conferenceAt.toLocalDate().plusDays(2) + "\"}]";
    submit(advisor, conferenceTask(caseReference, "Task_RecordConference"), Map.of(CONFERENCE_HELD_ON, heldToday(),
        WHAT_HAPPENED, "A fight at break.",
        WHO_WAS_AFFECTED, "Dana was hurt.", ACTION_PLAN, json(plan), AGREED_BY, json("[\"1\",\"2\"]"),
        FOLLOW_UP_ON, conferenceAt.toLocalDate().plusDays(28).toString(), CONSENT_WITHDRAWN, false, STOP_CASE, false));

    // The follow-up waits for its date; the administrator runs its timer now, as if that day had come.
    Map<String, Object> followUpTimer = eventually(() -> list("admin", "/engine-rest/job?timers=true&activityId=Event_FollowUpDue")
        .stream().findFirst().orElse(null));
    assertThat(post("admin", "/engine-rest/job/" + followUpTimer.get("id") + "/execute", Map.of(), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    submit(advisor, conferenceTask(caseReference, "Task_FollowUpAgreement"), Map.of(ACTION_PLAN,
        json(plan.replace("}]", ",\"done\":true}]")), AGREEMENT_KEPT, "kept", FOLLOW_UP_NOTES, "All well.",
        OUTCOME_FOR_PERSON_HARMED, "The agreement was kept.", CASE_OUTCOME, "Conference held; agreement kept.", STOP_CASE, false));

    MimeMessage toPersonHarmed = eventually(() -> mailTo("dana.harmed@example.org").stream()
        .filter(m -> subjectOf(m).startsWith("Restorative Conference follow-up")).findFirst().orElse(null));
    assertThat(GreenMailUtil.getBody(toPersonHarmed)).contains("the agreement was kept");
    eventually(() -> mailTo("lee.caused@example.org").stream()
        .filter(m -> subjectOf(m).startsWith("Restorative Conference: your feedback")).findFirst().orElse(null));
    MimeMessage closed = eventually(() -> mailTo(ReferralRequests.REFERRER_EMAIL_ADDRESS).stream()
        .filter(m -> subjectOf(m).equals("RRP case " + caseReference + " closed")).findFirst().orElse(null));
    assertThat(GreenMailUtil.getBody(closed)).contains("Conference held; agreement kept.").contains("Say sorry in person");

    // Once held, consent can no longer be withdrawn: refused with a sentence the caller can act on.
    ResponseEntity<Map<String, Object>> late = post("cora", "/engine-rest/message", withdrawal(caseReference), OBJECT);
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) late.getBody().get("message")).startsWith("Consent can no longer be withdrawn for this case")
        .contains("already been held");
    Answer lateInTasklist = new Api(port).login("cora").call("POST", "message", withdrawal(caseReference));
    assertThat(lateInTasklist.status()).as("through the webapps' API").isEqualTo(400);
    assertThat(lateInTasklist.body()).contains("Consent can no longer be withdrawn for this case")
        .doesNotContain("Exception");
  }

  @Test
  void consentIsWithdrawnOverRestByTheCoordinatorButNotByAReferrerOrAnotherAreasAdvisor() throws Exception {
    String caseReference = conferenceCaseWithConsentRequested();
    String advisor = (String) conferenceTasks(caseReference, "Task_RecordPreparationMeeting", 2).get(0).get("assignee");

    assertThat(post("rosa", "/engine-rest/message", withdrawal(caseReference), String.class).getStatusCode())
        .as("the referrer").isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> otherArea = post("bea", "/engine-rest/message", withdrawal(caseReference), String.class);
    assertThat(otherArea.getStatusCode()).as("an advisor of another area").isEqualTo(HttpStatus.FORBIDDEN);
    // ... told the same of a case in preparation, of one whose conference has not begun and of none: nothing to learn
    ResponseEntity<String> noCase = post("bea", "/engine-rest/message", withdrawal("RRP-2026-9999"), String.class);
    assertThat(noCase.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(otherArea.getBody()).isEqualTo(noCase.getBody())
        .contains("Only the coordinators and the advisors of the case's area may send this message to it.");
    assertThat(conferenceTasks(caseReference, "Task_RecordPreparationMeeting", 2)).hasSize(2);

    // The right to send that message is the engine's right to update the conference: nothing else it would allow
    // (modifying, suspending or triggering the case with variables of one's own) is let through.
    String conferenceId = (String) list("admin", "/engine-rest/process-instance?businessKey=" + caseReference
        + "&processDefinitionKey=restorative-conference").get(0).get("id");
    String subscribed = (String) list("admin", "/engine-rest/execution?processInstanceId=" + conferenceId
        + "&messageEventSubscriptionName=ConsentWithdrawn").get(0).get("id");
    for (String user : List.of(advisor, "cora")) {
      assertThat(post(user, "/engine-rest/process-instance/" + conferenceId + "/modification", Map.of("skipCustomListeners", true,
          "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_ArrangeConference"))), String.class)
          .getStatusCode()).as(user + " modifying the conference").isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(post(user, "/engine-rest/execution/" + subscribed + "/messageSubscriptions/ConsentWithdrawn/trigger",
          Map.of("variables", Map.of(CaseVariables.STOP_REASON, Map.of("value", "Forged"))), String.class).getStatusCode())
          .as(user + " triggering the withdrawal with a variable").isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(post(user, "/engine-rest/execution/" + subscribed + "/signal", Map.of(), String.class).getStatusCode())
          .as(user + " signalling the conference").isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(rest.withBasicAuth(advisor, "demo").exchange("/engine-rest/process-instance/" + conferenceId + "/suspended",
        HttpMethod.PUT, new HttpEntity<>(Map.of("suspended", true)), String.class).getStatusCode())
        .as("the advisor suspending the conference").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(conferenceTasks(caseReference, "Task_RecordPreparationMeeting", 2)).hasSize(2);
    assertThat(list("admin", "/engine-rest/variable-instance?processInstanceIdIn=" + conferenceId
        + "&variableName=" + CaseVariables.STOP_REASON)).extracting(variable -> variable.get("value")).doesNotContain("Forged");

    assertThat(post("cora", "/engine-rest/message", withdrawal(caseReference), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    Map<String, Object> alternative = conferenceTask(caseReference, "Task_ChooseAlternativeRoute");
    assertThat(list("cora", "/engine-rest/task?processInstanceBusinessKey=" + caseReference
        + "&taskDefinitionKey=Task_RecordPreparationMeeting")).as("the preparation is cancelled").isEmpty();
    submit(advisor, alternative, Map.of(ALTERNATIVE_SERVICE, NO_ALTERNATIVE, CASE_OUTCOME,
        "The conference did not go ahead; the school will support both pupils.", SIGNPOSTING, "Family hub"));
    MimeMessage closed = eventually(() -> mailTo(ReferralRequests.REFERRER_EMAIL_ADDRESS).stream()
        .filter(m -> subjectOf(m).equals("RRP case " + caseReference + " closed")).findFirst().orElse(null));
    assertThat(GreenMailUtil.getBody(closed)).contains("did not go ahead");
  }

  @Test
  void badRequestIsRefusedWithWhatToFixAndStartsNothing() {
    Map<String, Object> request = new LinkedHashMap<>(ReferralRequests.valid());
    request.put(ReferralVariables.CHILD_DATE_OF_BIRTH, "2099-01-01");
    request.put(ReferralVariables.SETTING_DISTRICT, "atlantis");
    int before = list("cora", "/engine-rest/process-instance").size();

    ResponseEntity<Map<String, Object>> refused = post("sam", "/engine-rest/process-definition/key/referral/submit-form",
        Map.of("variables", typed(request)), OBJECT);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).startsWith("Please correct the form:")
        .contains("The child's date of birth is in the future.")
        .contains("The district is not one the RRP team serves").doesNotContain("atlantis");
    assertThat(list("cora", "/engine-rest/process-instance")).hasSize(before);
  }

  @Test
  void settingLeadEnrolsTheirOwnSettingAndTheProgressReportShowsItOnNeedToKnow() {
    Map<String, Object> enrolment = new LinkedHashMap<>();
    enrolment.put(TrainingVariables.SETTING_ID, "100001");
    enrolment.put(CaseVariables.SETTING_NAME, "Brookfield Primary");
    enrolment.put(CaseVariables.AREA, EAST);
    enrolment.put(TrainingVariables.SETTING_PHASE, "primary");
    enrolment.put(TrainingVariables.LEADS, json("[{\"name\":\"Lena Thorpe\",\"role\":\"Deputy head\",\"seniorLeader\":true,"
        + "\"email\":\"lena@example.org\"},{\"name\":\"Jo Senco\",\"role\":\"SENCO\",\"seniorLeader\":false,"
        + "\"email\":\"jo.senco@example.org\"}]"));
    assertThat(get("lena", "/engine-rest/process-definition/key/training-journey/deployed-start-form").getBody())
        .containsEntry("id", "enrol-setting");

    ResponseEntity<Map<String, Object>> started = post("lena",
        "/engine-rest/process-definition/key/training-journey/submit-form", Map.of("variables", typed(enrolment)), OBJECT);

    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(started.getBody()).containsEntry("businessKey", "100001");
    assertThat(list("lena", "/engine-rest/task?processInstanceBusinessKey=100001")).extracting(task -> task.get("name"))
        .containsExactly("Book a training event");
    assertThat(list("omar", "/engine-rest/task?processInstanceBusinessKey=100001")).as("another setting's lead").isEmpty();
    enrolment.put(TrainingVariables.SETTING_ID, "100002");
    assertThat(post("lena", "/engine-rest/process-definition/key/training-journey/submit-form",
        Map.of("variables", typed(enrolment)), OBJECT).getBody().get("message").toString())
        .contains("You can enrol only a setting whose training lead you are.");

    assertThat(rest.getForEntity("/rrp/training/progress", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("cora", "/rrp/training/progress").getBody().get("settings").toString()).contains("100001");
    assertThat(get("max", "/rrp/training/progress").getBody().get("settings").toString()).contains("Brookfield Primary");
    assertThat(get("omar", "/rrp/training/progress").getBody().get("settings").toString()).doesNotContain("100001");
    assertThat(get("bea", "/rrp/training/progress").getBody().get("settings").toString()).doesNotContain("100001");
    assertThat(get("alex", "/rrp/training/progress").getBody().get("settings").toString()).contains("100001");
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  /** A conference case (referred, triaged, allocated), its suitability assessed and two adults named. */
  private String conferenceCaseWithConsentRequested() throws InterruptedException {
    Map<String, Object> request = new LinkedHashMap<>(ReferralRequests.valid());
    request.put(ReferralVariables.SERVICE_WANTED, RESTORATIVE_CONFERENCE);
    ResponseEntity<Map<String, Object>> started = post("rosa", "/engine-rest/process-definition/key/referral/submit-form",
        Map.of("variables", typed(request)), OBJECT);
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    String caseId = (String) started.getBody().get("id");
    String caseReference = (String) started.getBody().get("businessKey");
    Map<String, Object> triage = eventually(() -> list("cora", "/engine-rest/task?processInstanceId=" + caseId).stream()
        .findFirst().orElse(null));
    submit("cora", triage, Map.of(SERVICE, RESTORATIVE_CONFERENCE, AREA, EAST));

    Map<String, Object> suitability = conferenceTask(caseReference, "Task_AssessSuitability");
    String advisor = (String) suitability.get("assignee");
    assertThat(advisor).isIn("alex", "ash");
    submit(advisor, suitability, Map.of(CONFERENCE_SUITABLE, SUITABLE, RESPONSIBILITY_ACCEPTED, true, RISK_MANAGED, true,
        CO_FACILITATOR_NEEDED, false, SUITABILITY_NOTES, "Both willing; no unmanaged risk.", STOP_CASE, false));
    submit(advisor, conferenceTask(caseReference, "Task_NameParticipants"), Map.of(PARTICIPANTS, json(
        "[{\"name\":\"Dana Harmed\",\"role\":\"person-harmed\",\"email\":\"dana.harmed@example.org\"},"
            + "{\"name\":\"Lee Caused\",\"role\":\"person-who-caused-harm\",\"email\":\"lee.caused@example.org\"}]"),
        STOP_CASE, false));
    return caseReference;
  }

  private Map<String, Object> conferenceTask(String caseReference, String taskDefinitionKey) throws InterruptedException {
    return conferenceTasks(caseReference, taskDefinitionKey, 1).get(0);
  }

  private List<Map<String, Object>> conferenceTasks(String caseReference, String taskDefinitionKey, int count)
      throws InterruptedException {
    return eventually(() -> {
      List<Map<String, Object>> tasks = list("cora", "/engine-rest/task?processInstanceBusinessKey=" + caseReference
          + "&taskDefinitionKey=" + taskDefinitionKey);
      return tasks.size() == count ? tasks : null;
    });
  }

  /** The message that withdraws consent from a case's conference, as an outside system would send it. */
  private static Map<String, Object> withdrawal(String caseReference) {
    return Map.of("messageName", "ConsentWithdrawn", "businessKey", caseReference);
  }

  private Map<String, Object> circleTask(String caseReference, String taskDefinitionKey) throws InterruptedException {
    return eventually(() -> list("cora", "/engine-rest/task?processInstanceBusinessKey=" + caseReference
        + "&taskDefinitionKey=" + taskDefinitionKey).stream().findFirst().orElse(null));
  }

  private void submit(String user, Map<String, Object> task, Map<String, Object> values) {
    ResponseEntity<String> response = post(user, "/engine-rest/task/" + task.get("id") + "/submit-form",
        Map.of("variables", typed(values)), String.class);
    assertThat(response.getStatusCode()).as(task.get("taskDefinitionKey") + ": " + response.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  /** A list as Tasklist submits it from a Camunda Forms dynamic list. */
  private static Map<String, Object> json(String value) {
    return Map.of("value", value, "type", "Json");
  }

  private static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, value instanceof Map<?, ?> typedValue ? typedValue : Map.of("value", value)));
    return typed;
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, OBJECT);
  }

  private List<Map<String, Object>> list(String user, String path) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, LIST);
    assertThat(response.getStatusCode()).as("GET " + path + " as " + user).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private <T> ResponseEntity<T> post(String user, String path, Object body, Class<T> type) {
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body), type);
  }

  private <T> ResponseEntity<T> post(String user, String path, Object body, ParameterizedTypeReference<T> type) {
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body), type);
  }

  private static List<MimeMessage> mailTo(String address) {
    return TestMail.to(mail, address);
  }

}
