package org.rrp.workflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rrp.workflow.http.Answer;
import org.rrp.workflow.Eventually;
import org.rrp.workflow.TestMail;
import org.rrp.workflow.WholeAppTest;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.security.Api;
import org.rrp.workflow.security.Cases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Each role's cases as Tasklist's "Cases" shows them, read through the plugin's API as the logged-in browser reads
 * them: the referrer's own requests with reference and status, the area's open cases for every advisor of the area
 * and nobody else, every open case once for coordinators; and a person who logs in to an application their role
 * does not use is told where their work is.
 */
@WholeAppTest
class CaseListTest {

  static final String CASES = "/camunda/api/tasklist/plugin/rrp-cases/default/cases";

  @RegisterExtension
  static final GreenMailExtension mail = TestMail.server();

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Test
  void tasklistServesThePluginsScript() {
    Answer script = new Api(port).login("rosa").get("/camunda/api/tasklist/plugin/rrp-cases/static/app/plugin.js");

    assertThat(script.status()).isEqualTo(200);
    assertThat(script.body()).contains("tasklist.navbar.action").contains("rrp-cases-link");
  }

  @Test
  void aReferrerSeesHerOwnRequestsWithReferenceAndStatusAndNobodyElses() {
    Cases.Allocated made = new Cases(new Api(port)).allocated("rosa");

    Map<String, Object> row = row(views("rosa"), "my-requests", made.caseReference()).orElseThrow();
    assertThat(row).containsEntry("status", "Give advice and guidance").containsEntry("ended", null);
    assertThat((String) row.get(CaseVariables.CHILD_NAME)).isNotBlank();
    assertThat((String) row.get("advisor")).isNotBlank().isNotEqualTo(made.advisor());
    assertThat(row.get("tasks")).asList().as("a referrer is not shown the team's tasks").isEmpty();
    assertThat(row(views("sam"), "my-requests", made.caseReference())).isEmpty();
  }

  @Test
  void aRequestWaitingForItsAcknowledgementReadsAsReceived() {
    engine.getManagementService().suspendJobDefinitionByProcessDefinitionKey(CaseList.CASE_PROCESS);
    try {
      String caseId = (String) new Cases(new Api(port)).requested("rosa").get("id");
      String reference = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(caseId).singleResult().getBusinessKey();

      assertThat(row(views("rosa"), "my-requests", reference).orElseThrow()).containsEntry("status", CaseList.RECEIVED);
    } finally {
      engine.getManagementService().activateJobDefinitionByProcessDefinitionKey(CaseList.CASE_PROCESS, true);
    }
  }

  @Test
  void everyAdvisorOfTheAreaSeesTheOpenCaseWithItsTaskAndNoOtherAreaDoes() {
    Cases.Allocated made = new Cases(new Api(port)).allocated("rosa");

    for (String advisor : List.of("alex", "ash")) {
      Map<String, Object> row = row(views(advisor), "area-cases", made.caseReference()).orElseThrow(() -> new AssertionError(advisor));
      assertThat(row).containsEntry(CaseVariables.SERVICE, "Advice and guidance").containsEntry("status", "Give advice and guidance")
          .containsEntry(CaseVariables.CHILD_NAME, null);
      List<Map<String, Object>> tasks = tasks(row);
      assertThat(tasks).extracting(task -> task.get("id")).containsExactly(made.taskId());
      assertThat(tasks.get(0).get("assignee")).isEqualTo(row.get("advisor"));
    }
    for (String other : List.of("bea", "cal", "dee")) {
      assertThat(views(other)).allSatisfy(view -> assertThat(rows(view)).extracting(r -> r.get(CaseVariables.CASE_REFERENCE))
          .doesNotContain(made.caseReference()));
    }
  }

  @Test
  void aRequestStillInTriageIsTheCoordinatorsAndNotYetTheAreasAdvisors() throws InterruptedException {
    String caseId = (String) new Cases(new Api(port)).requested("rosa").get("id");
    String reference = Eventually.eventually(() -> engine.getTaskService().createTaskQuery().processInstanceId(caseId).count() == 1
        ? engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(caseId).singleResult().getBusinessKey() : null);

    assertThat(row(views("cora"), "all-cases", reference)).isPresent();
    for (String advisor : List.of("alex", "ash")) {
      assertThat(row(views(advisor), "area-cases", reference)).as(advisor).isEmpty();
    }
  }

  @Test
  void anotherProcessSharingTheCaseReferenceAddsNoTaskToTheCase() {
    Cases.Allocated made = new Cases(new Api(port)).allocated("rosa");
    String deployment = engine.getRepositoryService().createDeployment().name("other-process")
        .addModelInstance("other-process.bpmn", org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("other-process")
            .name("Other process").camundaHistoryTimeToLive(180).startEvent("Event_Start").name("Started")
            .userTask("Task_Other").name("Other work").camundaCandidateGroups("area-east-staffs-tamworth")
            .camundaDueDate("${deadlines.due('triage')}")
            .endEvent("Event_End").name("Ended").done())
        .deploy().getId();
    try {
      engine.getRuntimeService().startProcessInstanceByKey("other-process", made.caseReference());

      Map<String, Object> row = row(views("alex"), "area-cases", made.caseReference()).orElseThrow();
      assertThat(tasks(row)).extracting(task -> task.get("id")).containsExactly(made.taskId());
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void coordinatorsListEachOpenCaseOnceAndAClosedCaseLeavesTheOpenLists() throws InterruptedException {
    Cases.Allocated made = new Cases(new Api(port)).allocated("rosa");
    assertThat(rows(view(views("cora"), "all-cases"))).filteredOn(r -> made.caseReference().equals(r.get(CaseVariables.CASE_REFERENCE))).hasSize(1);

    engine.getTaskService().complete(made.taskId(), Map.of(org.rrp.workflow.referral.ReferralVariables.ADVICE_GIVEN, "Advice on a calm start to the day.",
        CaseVariables.CASE_OUTCOME, "Advice given and agreed with the setting."));

    Eventually.eventually(() -> row(views("cora"), "all-cases", made.caseReference()).isEmpty() ? true : null);
    assertThat(row(views("alex"), "area-cases", made.caseReference())).isEmpty();
    Map<String, Object> closed = row(views("rosa"), "my-requests", made.caseReference()).orElseThrow();
    assertThat(closed.get("status")).isEqualTo("Case closed");
    assertThat(closed.get("ended")).isNotNull();
  }

  @Test
  void oneListReadsEachCasesOwnStatus() throws InterruptedException {
    Cases cases = new Cases(new Api(port));
    Cases.Allocated open = cases.allocated("rosa");
    Cases.Allocated closing = cases.allocated("rosa");
    engine.getTaskService().complete(closing.taskId(), Map.of(org.rrp.workflow.referral.ReferralVariables.ADVICE_GIVEN,
        "Advice on a calm start to the day.", CaseVariables.CASE_OUTCOME, "Advice given and agreed with the setting."));

    Eventually.eventually(() -> "Case closed".equals(row(views("rosa"), "my-requests", closing.caseReference()).orElseThrow()
        .get("status")) ? true : null);
    List<Map<String, Object>> mine = rows(view(views("rosa"), "my-requests"));
    assertThat(mine).filteredOn(r -> open.caseReference().equals(r.get(CaseVariables.CASE_REFERENCE)))
        .extracting(r -> r.get("status")).containsExactly("Give advice and guidance");
    assertThat(mine).filteredOn(r -> closing.caseReference().equals(r.get(CaseVariables.CASE_REFERENCE)))
        .extracting(r -> r.get("status")).containsExactly("Case closed");
  }

  @Test
  void aRoleThatFollowsNoCasesGetsNoListAndNobodyLoggedOutGetsAnything() throws Exception {
    assertThat(views("max")).isEmpty();
    HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + CASES)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isIn(401, 403);
    assertThat(anonymous.body()).doesNotContain("RRP-");
  }

  @Test
  void aLoginToAnApplicationTheRoleDoesNotUseSaysWhereTheWorkIs() throws Exception {
    HttpResponse<String> manager = login("max", "demo", "tasklist");
    assertThat(manager.statusCode()).isEqualTo(403);
    assertThat(manager.body()).contains("does not use Tasklist").contains("Cockpit (/camunda/app/cockpit/)");

    HttpResponse<String> advisor = login("alex", "demo", "cockpit");
    assertThat(advisor.statusCode()).isEqualTo(403);
    assertThat(advisor.body()).contains("does not use Cockpit").contains("Tasklist (/camunda/app/tasklist/)");

    HttpResponse<String> wrongPassword = login("max", "not-the-password", "tasklist");
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(wrongPassword.body()).doesNotContain("Cockpit");
  }

  @Test
  void anAdvisorOpeningCockpitGetsAPageSayingWhereToGo() {
    Answer page = new Api(port).login("alex").page("/camunda/app/cockpit/default/");

    assertThat(page.status()).isEqualTo(403);
    assertThat(page.body()).contains("not part of your work").contains("/camunda/app/tasklist/").doesNotContain("Whitelabel");
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  private HttpResponse<String> login(String user, String password, String app) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/" + app + "/default/"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    String csrf = page.headers().firstValue("X-XSRF-TOKEN").orElse("");
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("X-XSRF-TOKEN", csrf).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private List<Map<String, Object>> views(String user) {
    Answer answer = new Api(port).login(user).get(CASES);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> views = (List<Map<String, Object>>) answer.object().get("views");
    return views;
  }

  private static Map<String, Object> view(List<Map<String, Object>> views, String kind) {
    return views.stream().filter(view -> kind.equals(view.get("kind"))).findFirst().orElseThrow(() -> new AssertionError("no " + kind + " view"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Map<String, Object> view) {
    return (List<Map<String, Object>>) view.get("rows");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> tasks(Map<String, Object> row) {
    return (List<Map<String, Object>>) row.get("tasks");
  }

  private static Optional<Map<String, Object>> row(List<Map<String, Object>> views, String kind, String reference) {
    return rows(view(views, kind)).stream().filter(row -> reference.equals(row.get(CaseVariables.CASE_REFERENCE))).findFirst();
  }
}
