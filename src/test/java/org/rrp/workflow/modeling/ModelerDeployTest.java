package org.rrp.workflow.modeling;

import static org.rrp.workflow.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rrp.workflow.TestMail;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.identity.RrpGroups;
import org.rrp.workflow.referral.ReferralRequests;
import org.rrp.workflow.referral.ReferralVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Coordinators deploying from Camunda Modeler, as Modeler does it: {@code POST /engine-rest/deployment/create},
 * multipart, source "Camunda Modeler", duplicate filtering and deploy-changed-only on; then previewing a decision,
 * suspending, migrating and deleting, over REST as each role. Same application context as the whole-app test;
 * every case started and deployment made here is removed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=${rrp.test.app-db-url:jdbc:h2:mem:rrp-app-test;DB_CLOSE_DELAY=-1}",
    "spring.datasource.username=${rrp.test.db-username:sa}",
    "spring.mail.host=127.0.0.1",
    "spring.mail.port=${rrp.test.smtp-port:3925}",
    "camunda.bpm.job-execution.wait-time-in-millis=200",
    "camunda.bpm.job-execution.max-wait=1000",
})
@ActiveProfiles("demo")
@ExtendWith(OutputCaptureExtension.class)
// Closed after this class: a live job executor left running while the process tests move the engine's (static)
// clock stops acquiring jobs, so the whole-app test gets a fresh context on the same database instead.
@DirtiesContext
class ModelerDeployTest {

  static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };
  static final String STAFFORD_AREA = "area-stafford-south-staffs";

  @RegisterExtension
  static final GreenMailExtension mail = TestMail.server();

  @Autowired
  TestRestTemplate rest;
  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;
  @Autowired
  IdentityService identity;
  @Autowired
  ManagementService management;

  final List<String> started = new ArrayList<>();

  @AfterEach
  void removeWhatTheTestDeployed() {
    for (String caseId : started) {
      if (runtime.createProcessInstanceQuery().processInstanceId(caseId).count() > 0) {
        runtime.deleteProcessInstance(caseId, "test clean-up", false, true);
      }
    }
    for (Deployment deployment : repository.createDeploymentQuery().list()) {
      if (!ReleaseDeployment.NAME.equals(deployment.getName())) {
        repository.deleteDeployment(deployment.getId(), true, true, true);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Deploying

  @Test
  void aDistrictMovedToAnotherAreaTakesEffectForTheNextCaseWithoutARestart() throws Exception {
    String before = startReferral("lichfield");
    assertThat(areaOf(before)).isEqualTo("area-cannock-lichfield");

    assertThat(deploy("cora", "area-by-district", file("processes/area-by-district.dmn", lichfieldMovedToStafford()))
        .getStatusCode()).isEqualTo(HttpStatus.OK);

    String after = startReferral("lichfield");
    assertThat(areaOf(after)).isEqualTo(STAFFORD_AREA);
    assertThat(areaOf(startReferral("tamworth"))).isEqualTo("area-east-staffs-tamworth");
  }

  @Test
  void aChangedModelServesNewRequestsWhileCasesInFlightCarryOnWithTheirForms() throws Exception {
    String inFlight = startReferral("tamworth");
    String oldVersion = definitionOf(inFlight);

    ResponseEntity<Map<String, Object>> deployed = deploy("cora", "referral", file("processes/referral.bpmn",
        read("processes/referral.bpmn").replace("name=\"Triage request\"", "name=\"Triage the request\"")));
    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(deployed.getBody().get("deployedCaseDefinitions")).isNull();

    // Modeler sent the model alone: its forms came along from the latest deployment, so Tasklist finds them.
    ResponseEntity<Map<String, Object>> startForm = get("rosa", "/engine-rest/process-definition/key/referral/deployed-start-form");
    assertThat(startForm.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(startForm.getBody()).containsEntry("id", "request-support");
    String newCase = startReferral("tamworth");
    assertThat(definitionOf(newCase)).isNotEqualTo(oldVersion);
    assertThat(definitionOf(inFlight)).isEqualTo(oldVersion);
    for (String caseId : List.of(inFlight, newCase)) {
      Map<String, Object> triage = eventually(() -> list("cora", "/engine-rest/task?processInstanceId=" + caseId).stream()
          .findFirst().orElse(null));
      assertThat(get("cora", "/engine-rest/task/" + triage.get("id") + "/deployed-form").getBody())
          .containsEntry("id", "triage-request");
    }
    assertThat(list("cora", "/engine-rest/task?processInstanceId=" + newCase).get(0)).containsEntry("name", "Triage the request");
  }

  @Test
  void aChangedFormDeployedAloneReachesNewCasesAndCasesInFlightKeepTheirs() throws Exception {
    String inFlight = startReferral("tamworth");
    Map<String, Object> triage = eventually(() -> list("cora", "/engine-rest/task?processInstanceId=" + inFlight).stream()
        .findFirst().orElse(null));

    String changedForm = read("forms/triage-request.form").replace("\"Confirmed service\"", "\"Service agreed\"");
    assertThat(deploy("cora", "triage-request", file("forms/triage-request.form", changedForm)).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    String newCase = startReferral("tamworth");
    Map<String, Object> newTriage = eventually(() -> list("cora", "/engine-rest/task?processInstanceId=" + newCase).stream()
        .findFirst().orElse(null));
    assertThat(get("cora", "/engine-rest/task/" + newTriage.get("id") + "/deployed-form").getBody().toString())
        .contains("Service agreed");
    assertThat(get("cora", "/engine-rest/task/" + triage.get("id") + "/deployed-form").getBody().toString())
        .contains("Confirmed service").doesNotContain("Service agreed");
    assertThat(get("rosa", "/engine-rest/process-definition/key/referral/deployed-start-form").getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void deployingAnEngineServiceCallIsRefusedAndDoesNotMakeTheCoordinatorAnAdministrator() throws Exception {
    long deployments = repository.createDeploymentQuery().count();

    ResponseEntity<Map<String, Object>> refused = deploy("cora", "escalation", file("escalation.bpmn", process("escalation",
        "<bpmn:startEvent id=\"StartEvent_Go\" name=\"Go\"/>"
            + "<bpmn:intermediateCatchEvent id=\"Event_Wait\" name=\"Wait\"><bpmn:timerEventDefinition id=\"Timer_Wait\">"
            + "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">${identityService.createMembership('cora','camunda-admin')}"
            + "</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"
            + "<bpmn:endEvent id=\"EndEvent_Done\" name=\"Done\"/>"
            + "<bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"StartEvent_Go\" targetRef=\"Event_Wait\"/>"
            + "<bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\"Event_Wait\" targetRef=\"EndEvent_Done\"/>")));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message"))
        .contains("escalation.bpmn", "Event_Wait", "identityService", "models may not use");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("escalation").count()).isZero();
    Thread.sleep(1500); // longer than the job executor's wait: had a timer been deployed, it would have run
    assertThat(identity.createGroupQuery().groupMember("cora").list()).extracting(group -> group.getId())
        .doesNotContain(RrpGroups.ADMINS);
  }

  @Test
  void everyUnsafeOrBrokenDeploymentIsRefusedWithItsFileElementAndFixAndNothingIsDeployed() {
    String referral = read("processes/referral.bpmn");
    Map<String, List<String>> cases = new LinkedHashMap<>();
    Map<String, String> files = new LinkedHashMap<>();
    files.put("engine-services.bpmn", process("engine-services", serviceTask("${execution.getProcessEngineServices()"
        + ".getIdentityService().createMembership('cora','camunda-admin')}")));
    cases.put("engine-services.bpmn", List.of("Task_Act", "calls the method 'getProcessEngineServices'"));
    files.put("property-path.bpmn", process("property-path", serviceTask("${execution.processEngineServices.identityService}")));
    cases.put("property-path.bpmn", List.of("Task_Act", "execution.processEngineServices"));
    files.put("script.bpmn", process("script", "<bpmn:scriptTask id=\"Task_Script\" name=\"Run script\" scriptFormat=\"groovy\">"
        + "<bpmn:script>println 'hello'</bpmn:script></bpmn:scriptTask>"));
    cases.put("script.bpmn", List.of("Task_Script", "script"));
    files.put("java-class.bpmn", process("java-class", "<bpmn:serviceTask id=\"Task_Class\" name=\"Run class\""
        + " camunda:class=\"org.example.Anything\"/>"));
    cases.put("java-class.bpmn", List.of("Task_Class", "camunda:class", "delegateExpression"));
    files.put("referral.bpmn", referral.replace("${allocateAdvisorDelegate}", "${allocateAdviserDelegate}"));
    cases.put("referral.bpmn", List.of("Task_AllocateAdvisor", "neither a bean"));
    files.put("missing-form.bpmn", process("missing-form", userTask("camunda:formRef=\"no-such-form\" camunda:formRefBinding=\"deployment\""
        + " camunda:candidateGroups=\"rrp-coordinators\" camunda:dueDate=\"${deadlines.due('triage')}\"")));
    cases.put("missing-form.bpmn", List.of("Task_Do", "camunda:formRef", "deploy the form"));
    files.put("unknown-group.bpmn", process("unknown-group", userTask("camunda:candidateGroups=\"coordinators\""
        + " camunda:dueDate=\"${deadlines.due('triage')}\"")));
    cases.put("unknown-group.bpmn", List.of("Task_Do", "camunda:candidateGroups", "does not exist"));
    files.put("no-due-date.bpmn", process("no-due-date", userTask("camunda:candidateGroups=\"rrp-coordinators\"")));
    cases.put("no-due-date.bpmn", List.of("Task_Do", "no due date", "camunda:dueDate"));
    files.put("area-by-district.dmn", read("processes/area-by-district.dmn")
        .replace("<text>&quot;tamworth&quot;</text>", "<text>&quot;tamworth</text>"));
    cases.put("area-by-district.dmn", List.of("area-by-district", "Rule_Tamworth", "correct the rule"));
    files.put("training-stages.dmn", read("processes/training-stages.dmn").replace(
        "<outputEntry id=\"Rule_Awareness_Out11\">\n          <text>1</text>", "<outputEntry id=\"Rule_Awareness_Out11\">\n          <text>0</text>"));
    cases.put("training-stages.dmn", List.of("training-stages", "The stage awareness has no timescale in terms"));
    files.put("broken.bpmn", "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process");
    cases.put("broken.bpmn", List.of("not readable BPMN XML"));

    long deployments = repository.createDeploymentQuery().count();
    long definitions = repository.createProcessDefinitionQuery().count() + repository.createDecisionDefinitionQuery().count();
    for (Map.Entry<String, List<String>> refusal : cases.entrySet()) {
      String fileName = refusal.getKey();
      ResponseEntity<Map<String, Object>> answer = deploy("cora", fileName, file(fileName, files.get(fileName)));
      assertThat(answer.getStatusCode()).as(fileName).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat((String) answer.getBody().get("message")).as(fileName).contains(fileName).contains(refusal.getValue());
    }
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repository.createProcessDefinitionQuery().count() + repository.createDecisionDefinitionQuery().count())
        .isEqualTo(definitions);
  }

  @Test
  void theAuditsAttacksOverModelersDeployCallAreRefusedAndNothingOfThemRunsOrIsDeployed() throws Exception {
    long deployments = repository.createDeploymentQuery().count();
    String latestReferral = latestReferral();
    String adminByCdata = "$<![CDATA[{]]>identityService.createMembership('rosa','camunda-admin')}";
    Map<String, Map<String, String>> attacks = new LinkedHashMap<>();
    attacks.put("activiti shell task", Map.of("shell.bpmn", process("shell", "<bpmn:startEvent id=\"StartEvent_Go\"/>"
        + "<bpmn:serviceTask id=\"Task_Shell\" activiti:type=\"shell\"/>").replace("<bpmn:definitions ",
        "<bpmn:definitions xmlns:activiti=\"http://activiti.org/bpmn\" ")));
    attacks.put("referral with a listener class", Map.of("referral.bpmn", read("processes/referral.bpmn").replaceFirst(
        "(<bpmn:process [^>]*>)", "$1<bpmn:extensionElements><camunda:executionListener class=\"com.evil.Payload\""
            + " event=\"start\"/></bpmn:extensionElements>")));
    attacks.put("expression split by CDATA", Map.of("split.bpmn", process("split", "<bpmn:startEvent id=\"StartEvent_Go\"/>"
        + "<bpmn:serviceTask id=\"Task_Act\" camunda:delegateExpression=\"${allocateAdvisorDelegate}\">"
        + "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\">" + adminByCdata
        + "</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>")));
    attacks.put("BPMN without a dot", Map.of("p_sfx_bpmn", process("suffix", "<bpmn:serviceTask id=\"Task_Shell\""
        + " camunda:type=\"shell\"/>")));
    attacks.put("form page with its script", Map.of("form-page.bpmn", process("form-page", userTask(
        "camunda:formKey=\"embedded:deployment:evil.html\" camunda:candidateGroups=\"rrp-coordinators\""
            + " camunda:dueDate=\"${deadlines.due('triage')}\"")), "evil.html", "<script cam-script>alert(1)</script>"));
    for (Map.Entry<String, Map<String, String>> attack : attacks.entrySet()) {
      ResponseEntity<Map<String, Object>> answer = deploy("cora", Map.of("deployment-name", "attack"), attack.getValue());
      assertThat(answer.getStatusCode()).as(attack.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat((String) answer.getBody().get("message")).as(attack.getKey()).contains("refused")
          .doesNotContain("com.evil", "'rosa'", "embedded:deployment");
    }

    String table = lichfieldMovedToStafford();
    ResponseEntity<Map<String, Object>> asRelease = deploy("cora", Map.of("deployment-name", ReleaseDeployment.NAME,
        "deployment-source", ReleaseDeployment.SOURCE), Map.of("area-by-district.dmn", table));
    assertThat(asRelease.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) asRelease.getBody().get("message")).contains("release's own");
    ResponseEntity<Map<String, Object>> withTenant = deploy("cora", Map.of("deployment-name", "area-by-district",
        "tenant-id", "evil"), Map.of("area-by-district.dmn", table));
    assertThat(withTenant.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) withTenant.getBody().get("message")).contains("tenant").doesNotContain("evil");

    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(latestReferral()).as("the referral's latest version is still the release's").isEqualTo(latestReferral);
    Thread.sleep(1500); // longer than the job executor's wait
    assertThat(identity.createGroupQuery().groupMember("rosa").list()).extracting(group -> group.getId())
        .doesNotContain(RrpGroups.ADMINS);
  }

  @Test
  void whatOnlyTheEngineFindsIsRefusedWithOnePlainSentenceAndOneLogLine(CapturedOutput output) {
    String noTimeToLive = process("no-ttl", "<bpmn:startEvent id=\"StartEvent_Go\"/>")
        .replace(" camunda:historyTimeToLive=\"730\"", "");
    String dangling = process("dangling", "<bpmn:startEvent id=\"StartEvent_Go\"/>"
        + "<bpmn:sequenceFlow id=\"Flow_Lost\" sourceRef=\"StartEvent_Go\" targetRef=\"nowhere\"/>");
    String tableWithoutTimeToLive = read("processes/area-by-district.dmn").replaceAll(" camunda:historyTimeToLive=\"[^\"]*\"", "");
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("no-ttl.bpmn", List.of("no-ttl.bpmn", "history time-to-live"));
    expected.put("dangling.bpmn", List.of("dangling.bpmn", "line"));
    expected.put("area-by-district.dmn", List.of("area-by-district.dmn", "history time-to-live"));
    Map<String, String> files = Map.of("no-ttl.bpmn", noTimeToLive, "dangling.bpmn", dangling,
        "area-by-district.dmn", tableWithoutTimeToLive);
    long deployments = repository.createDeploymentQuery().count();
    int logBefore = output.getAll().length();

    for (Map.Entry<String, List<String>> refusal : expected.entrySet()) {
      ResponseEntity<Map<String, Object>> answer = deploy("cora", Map.of("deployment-name", "broken"),
          Map.of(refusal.getKey(), files.get(refusal.getKey())));
      assertThat(answer.getStatusCode()).as(refusal.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody().get("problems")).as(refusal.getKey()).asList().isNotEmpty()
          .allSatisfy(problem -> assertThat((String) problem).startsWith(refusal.getKey() + ": ").endsWith("."));
      assertThat((String) answer.getBody().get("message")).as(refusal.getKey()).contains(refusal.getValue())
          .doesNotContain("cvc-", "nowhere", "ENGINE-", "Exception");
    }
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    String log = output.getAll().substring(logBefore);
    assertThat(log).doesNotContain("DeployCmd failed", "\tat org.camunda", "ParseException");
    assertThat(log.lines().filter(line -> line.contains("Refused input: DeployCmd"))).hasSize(expected.size());
  }

  @Test
  void aDecisionPreviewRefusesWhatADeploymentRefusesInTheSameWords() {
    String juel = read("processes/area-by-district.dmn").replace("<inputExpression ",
        "<inputExpression expressionLanguage=\"juel\" ").replaceFirst("<text>settingDistrict</text>",
        "<text>\\${\"\".getClass().forName(\"java.lang.Runtime\").getRuntime().exec(\"touch /tmp/rrp-preview\")}</text>");
    ResponseEntity<Map<String, Object>> deployed = deploy("cora", Map.of("deployment-name", "juel"),
        Map.of("juel.dmn", juel));
    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    for (String preview : List.of("evaluate", "replay")) {
      ResponseEntity<Map<String, Object>> previewed = post("cora", "/engine-rest/rrp/decision-preview/" + preview,
          Map.of("dmn", juel, "example", Map.of(ReferralVariables.SETTING_DISTRICT, "lichfield")), OBJECT);
      assertThat(previewed.getStatusCode()).as(preview).isEqualTo(HttpStatus.BAD_REQUEST);
      String sentence = ((String) previewed.getBody().get("message")).replaceFirst("^" + DecisionPreview.SENT_FILE + ": ", "");
      assertThat((String) deployed.getBody().get("message")).as(preview).contains("juel.dmn: " + sentence);
      assertThat(sentence).contains("other than FEEL").doesNotContain("juel", "Runtime");
    }
    assertThat(Path.of("/tmp/rrp-preview")).doesNotExist();
  }

  @Test
  void aDeploymentUploadAboveTheLimitIsRefusedBeforeItIsReadOnBothDoors() throws Exception {
    int limit = 5 * 1024 * 1024; // rrp.modeling.max-deployment-size, as configured
    byte[] tooLarge = new byte[limit + 1];
    for (String path : List.of("/engine-rest/deployment/create", "/camunda/api/engine/engine/default/deployment/create")) {
      // a declared length above the limit is answered before a byte of the body is sent
      try (Socket socket = new Socket("localhost", port)) {
        socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type:"
            + " multipart/form-data; boundary=x\r\nContent-Length: 120000000\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        // read the answer, not until the server gives up waiting for the body it was promised
        socket.setSoTimeout(30_000);
        StringBuilder read = new StringBuilder();
        byte[] buffer = new byte[4096];
        for (int n; !read.toString().endsWith("}") && (n = socket.getInputStream().read(buffer)) > 0; ) {
          read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        String answer = read.toString();
        assertThat(answer).as(path).startsWith("HTTP/1.1 413").contains("\"type\"",
            "\"message\":\"The deployment is larger than the 5 MB a deployment may be");
      }
      // a body of unknown length is read up to the limit
      HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + port + path)).header("Content-Type", "multipart/form-data; boundary=x")
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(chunked.statusCode()).as(path).isEqualTo(413);
      assertThat(chunked.body()).as(path).contains("larger than the 5 MB");
    }
    // within the limit a deployment is read and checked as ever
    ResponseEntity<Map<String, Object>> small = deploy("cora", Map.of("deployment-name", "area-by-district"),
        Map.of("area-by-district.dmn", lichfieldMovedToStafford()));
    assertThat(small.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void onlyCoordinatorsDeploy() {
    String table = lichfieldMovedToStafford();
    for (String user : List.of("rosa", "alex", "max")) {
      assertThat(deploy(user, "area-by-district", file("processes/area-by-district.dmn", table)).getStatusCode())
          .as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(repository.createDeploymentQuery().deploymentSource("Camunda Modeler").count()).isZero();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Suspending, migrating, deleting

  @Test
  void coordinatorsSuspendAndActivateVersionsAndMigrateRunningCases() throws Exception {
    String inFlight = startReferral("tamworth");
    eventually(() -> list("cora", "/engine-rest/task?processInstanceId=" + inFlight).stream().findFirst().orElse(null));
    String oldVersion = definitionOf(inFlight);
    Job watch = management.createJobQuery().processInstanceId(inFlight).timers().singleResult();
    deploy("cora", "referral", file("processes/referral.bpmn",
        read("processes/referral.bpmn").replace("name=\"Triage request\"", "name=\"Triage the request\"")));
    String newVersion = repository.createProcessDefinitionQuery().processDefinitionKey("referral").latestVersion()
        .singleResult().getId();

    // Migrate the running case to the new version, as any REST client (or a script) can.
    ResponseEntity<Map<String, Object>> plan = post("cora", "/engine-rest/migration/generate",
        Map.of("sourceProcessDefinitionId", oldVersion, "targetProcessDefinitionId", newVersion), OBJECT);
    assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> migrated = post("cora", "/engine-rest/migration/execute",
        Map.of("migrationPlan", plan.getBody(), "processInstanceIds", List.of(inFlight)), String.class);
    assertThat(migrated.getStatusCode()).as(migrated.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(definitionOf(inFlight)).isEqualTo(newVersion);
    assertThat(list("cora", "/engine-rest/task?processInstanceId=" + inFlight).get(0))
        .containsEntry("processDefinitionId", newVersion);
    assertThat(management.createJobQuery().processInstanceId(inFlight).timers().singleResult())
        .as("the triage task's deadline watch is still there (the engine drops timers it cannot map; it is put back), due as it was")
        .returns(watch.getDuedate(), Job::getDuedate);

    // Suspend the new version: no new request starts on it; activate it again.
    assertThat(put("cora", "/engine-rest/process-definition/" + newVersion + "/suspended",
        Map.of("suspended", true, "includeProcessInstances", false)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("rosa", "/engine-rest/process-definition/" + newVersion + "/submit-form",
        Map.of("variables", typed(ReferralRequests.valid())), String.class).getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(put("cora", "/engine-rest/process-definition/" + newVersion + "/suspended",
        Map.of("suspended", false, "includeProcessInstances", false)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(put("alex", "/engine-rest/process-definition/" + newVersion + "/suspended",
        Map.of("suspended", true, "includeProcessInstances", false)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void coordinatorsCannotDeleteADeploymentWithCasesButTheAdministratorCan() throws Exception {
    String unused = (String) deploy("cora", "district-draft", file("processes/area-by-district.dmn", lichfieldMovedToStafford()))
        .getBody().get("id");
    assertThat(delete("cora", "/engine-rest/deployment/" + unused + "?cascade=true").getStatusCode())
        .as("a deployment nothing ran on").isEqualTo(HttpStatus.NO_CONTENT);

    String used = (String) deploy("cora", "area-by-district", file("processes/area-by-district.dmn", lichfieldMovedToStafford()))
        .getBody().get("id");
    assertThat(areaOf(startReferral("lichfield"))).isEqualTo(STAFFORD_AREA);

    ResponseEntity<Map<String, Object>> refused = delete("cora", "/engine-rest/deployment/" + used + "?cascade=true");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) refused.getBody().get("message")).contains("only the administrator");
    assertThat(repository.createDeploymentQuery().deploymentId(used).count()).isOne();
    assertThat(delete("admin", "/engine-rest/deployment/" + used + "?cascade=true").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Previewing a decision

  @Test
  void aCoordinatorSeesWhatADecisionChangeWouldDoBeforeDeployingIt() throws Exception {
    areaOf(startReferral("lichfield"));
    areaOf(startReferral("tamworth"));
    long deployments = repository.createDeploymentQuery().count();
    String table = lichfieldMovedToStafford();

    ResponseEntity<Map<String, Object>> example = post("cora", "/engine-rest/rrp/decision-preview/evaluate",
        Map.of("dmn", table, "example", Map.of(ReferralVariables.SETTING_DISTRICT, "lichfield")), OBJECT);
    assertThat(example.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(example.getBody().get("rules")).isEqualTo(List.of("Rule_Lichfield"));
    assertThat(example.getBody().get("outputs").toString()).contains(STAFFORD_AREA);

    ResponseEntity<Map<String, Object>> replay = post("cora", "/engine-rest/rrp/decision-preview/replay",
        Map.of("dmn", table), OBJECT);
    assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> result = replay.getBody();
    assertThat(result).containsEntry("decisionKey", "area-by-district");
    assertThat((Integer) result.get("evaluations")).isGreaterThanOrEqualTo(2);
    // every recorded area decision is replayed, and each is a different case's: the request's check is not recorded
    List<String> decidedFor = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("area-by-district").list()
        .stream().map(HistoricDecisionInstance::getProcessInstanceId).toList();
    assertThat((Integer) result.get("evaluations")).isEqualTo(decidedFor.size());
    assertThat(decidedFor).doesNotHaveDuplicates();
    assertThat((Integer) result.get("changed")).isPositive();
    assertThat((Integer) result.get("unchanged")).isPositive();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> changes = (List<Map<String, Object>>) result.get("changes");
    assertThat(changes).allSatisfy(change -> {
      assertThat(change).containsEntry("fromRules", List.of("Rule_Lichfield")).containsEntry("toRules", List.of("Rule_Lichfield"));
      assertThat(change.get("after").toString()).contains(STAFFORD_AREA);
    });
    assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);

    assertThat(post("rosa", "/engine-rest/rrp/decision-preview/replay", Map.of("dmn", table), OBJECT).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("cora", "/engine-rest/rrp/decision-preview/evaluate", Map.of("dmn", "<not-dmn"), OBJECT).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Helpers

  /** Modeler's deploy call: multipart, its source, duplicate filtering and deploy-changed-only. */
  private ResponseEntity<Map<String, Object>> deploy(String user, String deploymentName, HttpEntity<ByteArrayResource> file) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", deploymentName);
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("enable-duplicate-filtering", "true");
    parts.add("deploy-changed-only", "true");
    parts.add(file.getBody().getFilename(), file);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").exchange("/engine-rest/deployment/create", HttpMethod.POST,
        new HttpEntity<>(parts, headers), OBJECT);
  }

  /** A deploy call with the given form fields and files. */
  private ResponseEntity<Map<String, Object>> deploy(String user, Map<String, String> fields, Map<String, String> files) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    fields.forEach(parts::add);
    if (!fields.containsKey("deployment-source")) {
      parts.add("deployment-source", "Camunda Modeler");
    }
    files.forEach((name, content) -> parts.add(name, file(name, content)));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").exchange("/engine-rest/deployment/create", HttpMethod.POST,
        new HttpEntity<>(parts, headers), OBJECT);
  }

  private String latestReferral() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("referral").latestVersion().singleResult()
        .getId();
  }

  private static HttpEntity<ByteArrayResource> file(String path, String content) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    ByteArrayResource resource = new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    };
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    return new HttpEntity<>(resource, headers);
  }

  static String read(String path) {
    try {
      return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String lichfieldMovedToStafford() {
    String table = read("processes/area-by-district.dmn");
    String moved = table.replaceFirst("(<outputEntry id=\"Rule_Lichfield_Out1\">\\s*<text>)&quot;area-cannock-lichfield&quot;",
        "$1&quot;" + STAFFORD_AREA + "&quot;").replaceFirst(
        "(<outputEntry id=\"Rule_Lichfield_Out2\">\\s*<text>)&quot;Cannock &amp; Lichfield&quot;",
        "$1&quot;Stafford &amp; South Staffs&quot;");
    assertThat(moved).isNotEqualTo(table);
    return moved;
  }

  static String process(String id, String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " id=\"Definitions_" + id + "\" targetNamespace=\"http://rrp.example.org/bpmn\">"
        + "<bpmn:process id=\"" + id + "\" name=\"Check " + id + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"730\">"
        + body + "</bpmn:process></bpmn:definitions>";
  }

  static String serviceTask(String expression) {
    return "<bpmn:serviceTask id=\"Task_Act\" name=\"Act\" camunda:asyncBefore=\"true\" camunda:expression=\"" + expression + "\"/>";
  }

  static String userTask(String attributes) {
    return "<bpmn:userTask id=\"Task_Do\" name=\"Do it\" " + attributes + "/>";
  }

  private String startReferral(String district) {
    Map<String, Object> request = new LinkedHashMap<>(ReferralRequests.valid());
    request.put(ReferralVariables.SETTING_DISTRICT, district);
    ResponseEntity<Map<String, Object>> answer = post("rosa", "/engine-rest/process-definition/key/referral/submit-form",
        Map.of("variables", typed(request)), OBJECT);
    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
    String caseId = (String) answer.getBody().get("id");
    started.add(caseId);
    return caseId;
  }

  private String areaOf(String caseId) throws InterruptedException {
    return eventually(() -> {
      var variable = history.createHistoricVariableInstanceQuery().processInstanceId(caseId)
          .variableName(CaseVariables.AREA).singleResult();
      return variable == null ? null : (String) variable.getValue();
    });
  }

  private String definitionOf(String caseId) {
    return runtime.createProcessInstanceQuery().processInstanceId(caseId).singleResult().getProcessDefinitionId();
  }

  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return typed;
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, OBJECT);
  }

  private List<Map<String, Object>> list(String user, String path) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, LIST);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private <T> ResponseEntity<T> post(String user, String path, Object body, Class<T> type) {
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body), type);
  }

  private <T> ResponseEntity<T> post(String user, String path, Object body, ParameterizedTypeReference<T> type) {
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body), type);
  }

  private ResponseEntity<String> put(String user, String path, Object body) {
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.PUT, new HttpEntity<>(body), String.class);
  }

  private ResponseEntity<Map<String, Object>> delete(String user, String path) {
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.DELETE, null, OBJECT);
  }

}
