package org.rrp.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.referral.ReferralRequests;
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

/**
 * The whole application on a random port, used over /engine-rest as Tasklist uses it, logging in as each demo
 * role in turn. The job executor runs, so allocation happens on its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=${rrp.test.app-db-url:jdbc:h2:mem:rrp-app-test;DB_CLOSE_DELAY=-1}",
    "spring.datasource.username=${rrp.test.db-username:sa}",
    "spring.mail.host=127.0.0.1",
    "spring.mail.port=" + TestMail.PORT,
    "camunda.bpm.job-execution.wait-time-in-millis=200",
    "camunda.bpm.job-execution.max-wait=1000",
})
@ActiveProfiles("demo")
class RrpWorkflowApplicationTest {

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
    assertThat(post("cora", "/engine-rest/task/" + triageId + "/claim", Map.of("userId", "cora"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<Map<String, Object>> refused = post("cora", "/engine-rest/task/" + triageId + "/submit-form",
        Map.of("variables", typed(Map.of("service", "advice-and-guidance", "area", "area-atlantis"))), OBJECT);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message"))
        .isEqualTo("Please correct the form: The area 'area-atlantis' is not a known area group.");
    assertThat(list("cora", "/engine-rest/task?processInstanceId=" + caseId)).hasSize(1);
    assertThat(post("cora", "/engine-rest/task/" + triageId + "/submit-form",
        Map.of("variables", typed(Map.of("service", "advice-and-guidance", "area", EAST))), String.class)
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
        "adviceGiven", "A named adult at the door each morning.", "caseOutcome", "Settled into the new class."))),
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
    request.put("serviceWanted", "solution-focused-circle");
    ResponseEntity<Map<String, Object>> started = post("rosa", "/engine-rest/process-definition/key/referral/submit-form",
        Map.of("variables", typed(request)), OBJECT);
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    String caseId = (String) started.getBody().get("id");
    String caseReference = (String) get("rosa", "/engine-rest/process-instance/" + caseId).getBody().get("businessKey");
    Map<String, Object> triage = eventually(() -> list("cora", "/engine-rest/task?processInstanceId=" + caseId).stream()
        .findFirst().orElse(null));
    submit("cora", triage, Map.of("service", "solution-focused-circle", "area", EAST));

    // The circle runs as its own process for the same case; its tasks go to the allocated advisor.
    Map<String, Object> arrange = circleTask(caseReference, "Task_ArrangeInitialMeeting");
    String advisor = (String) arrange.get("assignee");
    assertThat(advisor).isIn("alex", "ash");
    assertThat(list("bea", "/engine-rest/task?processInstanceBusinessKey=" + caseReference)).isEmpty();
    String meetingAt = OffsetDateTime.now().plusDays(10).withNano(0).toString();
    String participants = "[{\"name\":\"Sky Teacher\",\"role\":\"class teacher\",\"email\":\"sky.teacher@example.org\"}]";
    submit(advisor, arrange, Map.of("initialMeetingAt", meetingAt, "meetingVenue", "Hollybank Primary, room 2",
        "participants", json(participants), "childAttends", true, "stopCase", false));

    String plan = "[{\"what\":\"Meet Robin at the gate\",\"owner\":\"Sky Teacher\",\"ownerEmail\":\"sky.teacher@example.org\",\"byWhen\":\""
        + OffsetDateTime.now().plusDays(20).toLocalDate() + "\"}]";
    submit(advisor, circleTask(caseReference, "Task_RecordInitialMeeting"), Map.of("issueIntroduced", "Mornings are hard",
        "clarification", "Since the move", "suggestions", "Meet and greet", "actionPlan", json(plan),
        "childsView", "Likes being greeted", "stopCase", false));
    submit(advisor, circleTask(caseReference, "Task_ArrangeReviewMeeting"), Map.of("reviewMeetingAt",
        OffsetDateTime.now().plusDays(30).withNano(0).toString(), "reviewVenue", "Online", "participants", json(participants),
        "stopCase", false));
    submit(advisor, circleTask(caseReference, "Task_RecordReviewMeeting"), Map.of("actionPlan",
        json(plan.replace("}]", ",\"done\":true}]")), "aspirations", "Join the football club", "aids", "A trusted adult",
        "obstacles", "Lunchtimes", "resolved", true, "stopCase", false));
    submit(advisor, circleTask(caseReference, "Task_RecordCircleOutcome"), Map.of("caseOutcome",
        "Robin settles well in the mornings.", "signposting", "School nurse drop-in", "stopCase", false));

    eventually(() -> "COMPLETED".equals(get("cora", "/engine-rest/history/process-instance/" + caseId).getBody().get("state"))
        ? true : null);
    MimeMessage closed = eventually(() -> mailTo(ReferralRequests.REFERRER_EMAIL_ADDRESS).stream()
        .filter(m -> subjectOf(m).equals("RRP case " + caseReference + " closed")).findFirst().orElse(null));
    assertThat(GreenMailUtil.getBody(closed)).contains("Meet Robin at the gate (Sky Teacher").contains("done")
        .contains("feedback");
  }

  @Test
  void badRequestIsRefusedWithWhatToFixAndStartsNothing() {
    Map<String, Object> request = new LinkedHashMap<>(ReferralRequests.valid());
    request.put("childDateOfBirth", "2099-01-01");
    request.put("settingDistrict", "atlantis");
    int before = list("cora", "/engine-rest/process-instance").size();

    ResponseEntity<Map<String, Object>> refused = post("sam", "/engine-rest/process-definition/key/referral/submit-form",
        Map.of("variables", typed(request)), OBJECT);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).startsWith("Please correct the form:")
        .contains("The child's date of birth is in the future.")
        .contains("The district 'atlantis' is not one the RRP team serves");
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

  /** Waits (bounded) for the job executor to get somewhere; returns the first non-null answer. */
  private static <T> T eventually(Supplier<T> probe) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      T answer = probe.get();
      if (answer != null) {
        return answer;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("nothing happened within 30 seconds");
  }
}
