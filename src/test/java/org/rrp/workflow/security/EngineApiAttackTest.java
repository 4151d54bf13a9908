package org.rrp.workflow.security;

import org.rrp.workflow.http.Answer;
import org.rrp.workflow.LogEvents;
import org.rrp.workflow.WholeAppTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rrp.workflow.TestMail;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.referral.ReferralVariables;

/** Attacks made with a valid login over both doors of the engine API: none gets through. */
@WholeAppTest
@ExtendWith(OutputCaptureExtension.class)
class EngineApiAttackTest {

  @RegisterExtension
  static final GreenMailExtension mail = TestMail.server();

  @LocalServerPort
  int port;

  @org.springframework.beans.factory.annotation.Autowired
  org.camunda.bpm.engine.ProcessEngine engine;

  @org.springframework.beans.factory.annotation.Autowired
  JdbcTemplate jdbc;

  Api api;
  Cases cases;

  @BeforeEach
  void connect() {
    api = new Api(port);
    cases = new Cases(api);
  }

  @Test
  void aModelWithoutFormsStartsAndItsTaskCompletesThroughTheGuard() {
    engine.getRepositoryService().createDeployment().name("no-forms").addModelInstance("no-forms.bpmn",
        org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("no-forms").camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Asked")
            .userTask("Task_Answer").camundaCandidateGroups("rrp-coordinators").camundaDueDate("${deadlines.due('triage')}")
            .endEvent("EndEvent_Answered").done()).deploy();

    Answer started = api.rest("admin", "POST", "process-definition/key/no-forms/submit-form", Map.of("variables", Map.of()));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    Map<String, Object> task = Api.eventually(() -> api.rest("cora", "GET", "task?processInstanceId=" + started.object().get("id"), null)
        .list().stream().findFirst().orElse(null));
    Answer completed = api.rest("cora", "POST", "task/" + task.get("id") + "/submit-form", Map.of("variables", Map.of()));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
  }

  @Test
  void refusesStartInstructionsFromReferrer() {
    int before = api.rest("admin", "GET", "process-instance?processDefinitionKey=referral", null).list().size();
    Map<String, Object> skipToClosure = Map.of("businessKey", "RRP-2026-0001",
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_CloseCase")),
        "variables", Api.typed(Cases.request()));
    Map<String, Object> skipToAdvice = Map.of("startInstructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_GiveAdviceAndGuidance")),
        "variables", Api.typed(Cases.request()));

    assertThat(api.rest("rosa", "POST", "process-definition/key/referral/start", skipToClosure).status()).isEqualTo(403);
    assertThat(api.rest("rosa", "POST", "process-definition/key/referral/start", skipToAdvice).status()).isEqualTo(403);
    assertThat(api.login("rosa").call("POST", "process-definition/key/referral/start", skipToAdvice).status()).isEqualTo(403);
    String definitionId = (String) api.rest("rosa", "GET", "process-definition/key/referral", null).object().get("id");
    assertThat(api.rest("rosa", "POST", "process-definition/" + definitionId + "/start", skipToAdvice).status()).isEqualTo(403);
    assertThat(api.rest("rosa", "POST", "engine/default/process-definition/key/referral/start", skipToAdvice).status())
        .isEqualTo(403);
    assertThat(api.rest("admin", "GET", "process-instance?processDefinitionKey=referral", null).list()).hasSize(before);
  }

  @Test
  void refusesChosenBusinessKeyAndSkippedListeners() {
    Map<String, Object> chosenKey = Map.of("businessKey", "RRP-2026-0001", "variables", Api.typed(Cases.request()));
    Map<String, Object> skipped = Map.of("skipCustomListeners", true, "variables", Api.typed(Cases.request()));
    Map<String, Object> noMappings = Map.of("skipIoMappings", true, "variables", Api.typed(Cases.request()));

    for (Map<String, Object> attack : List.of(chosenKey, skipped, noMappings)) {
      assertThat(api.rest("rosa", "POST", "process-definition/key/referral/submit-form", attack).status()).isEqualTo(403);
      assertThat(api.rest("rosa", "POST", "process-definition/key/referral/start", attack).status()).isEqualTo(403);
      assertThat(api.login("sam").call("POST", "process-definition/key/referral/submit-form", attack).status()).isEqualTo(403);
    }
  }

  @Test
  void startWithAnotherReferrerNamedKeepsTheCaseWithWhoeverStartedIt() {
    Map<String, Object> request = Cases.request();
    request.put(ReferralVariables.REFERRER_USER_ID, "sam");
    request.put(CaseVariables.CASE_REFERENCE, "RRP-1999-0001");

    Answer started = api.rest("rosa", "POST", "process-definition/key/referral/submit-form",
        Map.of("variables", Api.typed(request)));

    assertThat(started.status()).isEqualTo(200);
    String caseId = (String) started.object().get("id");
    assertThat(api.rest("sam", "GET", "process-instance?processInstanceIds=" + caseId, null).list()).isEmpty();
    assertThat(api.rest("rosa", "GET", "process-instance/" + caseId + "/variables/referrerUserId", null).object())
        .containsEntry("value", "rosa");
    assertThat(api.rest("rosa", "GET", "process-instance/" + caseId + "/variables/caseReference", null).object().get("value"))
        .isEqualTo(started.object().get("businessKey")).isNotEqualTo("RRP-1999-0001");
  }

  @Test
  void taskFormKeepsOnlyTheFieldsItDeclares() {
    String caseId = (String) cases.requested("rosa").get("id");
    Map<String, Object> triage = Api.eventually(() -> api.rest("cora", "GET", "task?processInstanceId=" + caseId, null)
        .list().stream().findFirst().orElse(null));
    String reference = (String) api.rest("cora", "GET", "process-instance/" + caseId + "/variables/caseReference", null)
        .object().get("value");

    Answer submitted = api.login("cora").call("POST", "task/" + triage.get("id") + "/submit-form", Map.of("variables",
        Api.typed(Map.of(CaseVariables.SERVICE, "advice-and-guidance", CaseVariables.AREA, Cases.EAST, CaseVariables.REFERRER_EMAIL, "mallory@example.org",
            CaseVariables.CASE_REFERENCE, "RRP-1999-0002", "caseAreaReadAccess", "x"))));

    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    Map<String, Object> variables = api.rest("admin", "GET", "process-instance/" + caseId + "/variables", null).object();
    assertThat(variables).doesNotContainKey("caseAreaReadAccess");
    assertThat(((Map<?, ?>) variables.get(CaseVariables.REFERRER_EMAIL)).get("value")).isEqualTo("pat.referrer@example.org");
    assertThat(((Map<?, ?>) variables.get(CaseVariables.CASE_REFERENCE)).get("value")).isEqualTo(reference);
  }

  @Test
  void overlongTextAndUnknownChoicesAreRefusedWithoutRepeatingThemOnBothDoors() {
    Map<String, Object> request = Cases.request();
    request.put(CaseVariables.DIFFICULTY, "x".repeat(4_001));
    request.put(ReferralVariables.REFERRER_ROLE, "SECRET-role");
    request.put(ReferralVariables.REFERRER_SETTING, "y".repeat(1_000_000));

    for (Answer refused : List.of(
        api.rest("rosa", "POST", "process-definition/key/referral/submit-form", Map.of("variables", Api.typed(request))),
        api.login("rosa").call("POST", "process-definition/key/referral/submit-form", Map.of("variables", Api.typed(request))))) {
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).doesNotContain("xxxx").doesNotContain("SECRET").hasSizeLessThan(1_000);
      assertThat(refused.object().get("problems")).asList()
          .containsExactlyInAnyOrder("What is stuck? Describe the difficulty is longer than 4000 characters.",
              "Your role is not one of the options.", "Your school, setting or team is longer than 200 characters.");
    }
  }

  @Test
  void refusedRequestIsA400OnTheWebappsApiToo() {
    Map<String, Object> request = Cases.request();
    request.put(ReferralVariables.CHILD_DATE_OF_BIRTH, "2099-01-01");

    Answer refused = api.login("rosa").call("POST", "process-definition/key/referral/submit-form",
        Map.of("variables", Api.typed(request)));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.object().get("problems")).asList().containsExactly("The child's date of birth is in the future.");
  }

  @Test
  void workOnACaseACoordinatorHasSuspendedIsRefusedWith400AndOneLineOnBothDoors(CapturedOutput output) {
    Cases.Allocated allocated = cases.allocated("rosa");
    assertThat(api.rest("cora", "PUT", "process-instance/" + allocated.caseId() + "/suspended",
        Map.of("suspended", true)).status()).isEqualTo(204);
    Map<String, Object> advice = adviceGiven();
    int logged = output.getAll().length();

    for (Answer refused : List.of(
        api.rest(allocated.advisor(), "POST", "task/" + allocated.taskId() + "/submit-form", advice),
        api.login(allocated.advisor()).call("POST", "task/" + allocated.taskId() + "/submit-form", advice))) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.object()).containsEntry("message", StateRefusal.SUSPENDED);
      assertThat(refused.object().get("problems")).asList().containsExactly(StateRefusal.SUSPENDED);
      assertThat(refused.body()).doesNotContain(allocated.taskId()).doesNotContain("ENGINE-");
    }
    Answer unclaim = api.login(allocated.advisor()).call("POST", "task/" + allocated.taskId() + "/unclaim", null);
    assertThat(unclaim.status()).as(unclaim.body()).isEqualTo(400);
    assertThat(unclaim.object().get("problems")).asList().containsExactly(StateRefusal.SUSPENDED);
    String log = LogEvents.ofRequests(output.getAll().substring(logged));
    assertThat(log).contains("Refused SubmitTaskFormCmd: its case or process is suspended")
        .contains("Refused AssignTaskCmd: its case or process is suspended")
        .doesNotContain("ENGINE-REST-HTTP").doesNotContain("SuspendedEntityInteractionException")
        .doesNotContain("\tat org.rrp.workflow.security");
    assertThat(api.rest("cora", "GET", "task/" + allocated.taskId(), null).object()).as("nothing saved")
        .containsEntry("assignee", allocated.advisor());

    assertThat(api.rest("cora", "PUT", "process-instance/" + allocated.caseId() + "/suspended",
        Map.of("suspended", false)).status()).isEqualTo(204);
    Answer done = api.rest(allocated.advisor(), "POST", "task/" + allocated.taskId() + "/submit-form", advice);
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  @Test
  void aTaskAColleagueClaimedFirstIsRefusedWith400AndLeftWithThem(CapturedOutput output) {
    Cases.Allocated allocated = cases.allocated("rosa");
    String colleague = allocated.advisor().equals("alex") ? "ash" : "alex";
    int logged = output.getAll().length();

    for (Answer refused : List.of(
        api.rest(colleague, "POST", "task/" + allocated.taskId() + "/claim", Map.of("userId", colleague)),
        api.login(colleague).call("POST", "task/" + allocated.taskId() + "/claim", Map.of("userId", colleague)))) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.object().get("problems")).asList().containsExactly(StateRefusal.CLAIMED);
      assertThat(refused.body()).doesNotContain(allocated.taskId()).doesNotContain(allocated.advisor());
    }
    assertThat(LogEvents.ofRequests(output.getAll().substring(logged)))
        .contains("Refused ClaimTaskCmd: the task is claimed by someone else")
        .doesNotContain("ENGINE-REST-HTTP").doesNotContain("TaskAlreadyClaimedException");
    assertThat(api.rest("cora", "GET", "task/" + allocated.taskId(), null).object())
        .containsEntry("assignee", allocated.advisor());
  }

  @Test
  void aTasksWorkerChangesNothingOfItButWhoWorksOnIt() {
    Cases.Allocated allocated = cases.allocated("rosa");
    String advisor = allocated.advisor();
    String task = "task/" + allocated.taskId();
    Map<String, Object> before = api.rest("admin", "GET", task, null).object();
    Map<String, Object> renamed = new java.util.LinkedHashMap<>(before);
    renamed.put("name", "Renamed");
    renamed.put("due", "2030-01-01T00:00:00.000+0000");

    for (String user : List.of(advisor, "cora")) {
      Api.Session session = api.login(user);
      for (Answer refused : List.of(
          api.rest(user, "POST", task + "/identity-links", Map.of("groupId", "rrp-referrers", "type", "candidate")),
          session.call("POST", task + "/identity-links", Map.of("userId", "sam", "type", "candidate")),
          api.rest(user, "POST", task + "/delegate", Map.of("userId", "dee")),
          session.call("POST", task + "/assignee", Map.of("userId", "dee")),
          api.rest(user, "POST", task + "/claim", Map.of("userId", "sam")),
          session.call("POST", task + "/claim", Map.of("userId", "sam")),
          api.rest(user, "PUT", task, renamed),
          session.call("PUT", task, renamed),
          api.rest(user, "POST", task + "/bpmnError", Map.of("errorCode", "any")),
          api.rest(user, "POST", "process-instance/" + allocated.caseId() + "/modification",
              Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", "Task_GiveAdviceAndGuidance")))))) {
        assertThat(refused.status()).as(user + ": " + refused.body()).isEqualTo(403);
      }
    }
    assertThat(api.rest(advisor, "POST", task + "/claim", Map.of("userId", "sam")).object().get("message"))
        .isEqualTo("A task is claimed only by the person who will work on it.");
    Map<String, Object> after = api.rest("admin", "GET", task, null).object();
    assertThat(after).containsEntry("assignee", advisor).containsEntry("name", before.get("name"))
        .containsEntry("due", before.get("due")).containsEntry("delegationState", null);
    assertThat(api.rest("admin", "GET", task + "/identity-links", null).list())
        .extracting(link -> link.get("groupId")).doesNotContain("rrp-referrers");
    assertThat(api.rest("sam", "GET", "task?processInstanceId=" + allocated.caseId(), null).list()).isEmpty();

    // What Tasklist sends to give back a colleague's task, and to take it up.
    String colleague = advisor.equals("alex") ? "ash" : "alex";
    assertThat(api.login("cora").call("POST", task + "/assignee", java.util.Collections.singletonMap("userId", null)).status())
        .isEqualTo(204);
    assertThat(api.rest(colleague, "POST", task + "/claim", Map.of("userId", colleague)).status()).isEqualTo(204);
    assertThat(api.rest("admin", "GET", task, null).object()).containsEntry("assignee", colleague);
  }

  @Test
  void aBodyTheGuardCannotReadIsRefusedNotPassedOnToTheEngine(CapturedOutput output) {
    Cases.Allocated allocated = cases.allocated("rosa");
    String task = "task/" + allocated.taskId();
    // Deeper than the guard's JSON reader goes, which the engine's reader would skip to read the fields after it.
    String tooDeep = "[".repeat(1_500) + "]".repeat(1_500);
    String oversized = "\"" + "A".repeat(EngineApiGuard.BODY_LIMIT) + "\"";
    Object cases = api.rest("admin", "GET", "process-instance/count?processDefinitionKey=referral", null).object().get("count");
    int logged = output.getAll().length();

    for (String junk : List.of(tooDeep, oversized)) {
      int status = junk.equals(oversized) ? 413 : 400;
      Api.Session session = api.login(allocated.advisor());
      for (Answer refused : List.of(
          api.rest(allocated.advisor(), "POST", task + "/assignee", "{\"x\":" + junk + ",\"userId\":\"bea\"}"),
          session.call("POST", task + "/claim", "{\"x\":" + junk + ",\"userId\":\"bea\"}"),
          api.rest(allocated.advisor(), "POST", task + "/submit-form", "{\"x\":" + junk
              + ",\"variables\":{\"referrerEmail\":{\"value\":\"mallory@example.org\"}}}"),
          api.rest("rosa", "POST", "process-definition/key/referral/start", "{\"x\":" + junk
              + ",\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_GiveAdviceAndGuidance\"}]}"))) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
      }
    }
    assertThat(api.rest("admin", "GET", task, null).object()).containsEntry("assignee", allocated.advisor());
    assertThat(api.rest("admin", "GET", "process-instance/" + allocated.caseId() + "/variables/" + CaseVariables.REFERRER_EMAIL,
        null).object().get("value")).isNotEqualTo("mallory@example.org");
    assertThat(api.rest("admin", "GET", "process-instance/count?processDefinitionKey=referral", null).object())
        .as("no case started").containsEntry("count", cases);
    String log = output.getAll().substring(logged);
    assertThat(log.lines().filter(line -> line.contains("Refused input: request body"))).hasSize(8);
    assertThat(log).doesNotContain("AAAAAAAA");
  }

  @Test
  void workOnATaskThatIsNoLongerOpenIsRefusedWith400WithoutItsId(CapturedOutput output) {
    Cases.Allocated allocated = cases.allocated("rosa");
    Map<String, Object> advice = adviceGiven();
    Answer done = api.rest(allocated.advisor(), "POST", "task/" + allocated.taskId() + "/submit-form", advice);
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    int logged = output.getAll().length();

    for (Answer refused : List.of(
        api.rest(allocated.advisor(), "POST", "task/" + allocated.taskId() + "/submit-form", advice),
        api.login(allocated.advisor()).call("POST", "task/" + allocated.taskId() + "/submit-form", advice),
        api.login(allocated.advisor()).call("POST", "task/" + allocated.taskId() + "/unclaim", null),
        api.rest("cora", "POST", "task/" + allocated.taskId() + "/claim", Map.of("userId", "cora")))) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.object().get("problems")).as(refused.body()).asList().containsExactly(StateRefusal.GONE);
      assertThat(refused.body()).doesNotContain(allocated.taskId());
    }
    assertThat(LogEvents.ofRequests(output.getAll().substring(logged)))
        .contains("Refused SubmitTaskFormCmd: the task is no longer open")
        .doesNotContain("ENGINE-REST-HTTP").doesNotContain("ENGINE-16004").doesNotContain("NullValueException");
  }

  @Test
  void aTaskSubmittedSeveralTimesAtOnceIsSavedOnceAndTheOthersAreRefusedWith400(CapturedOutput output)
      throws Exception {
    Cases.Allocated allocated = cases.allocated("rosa");
    Map<String, Object> advice = adviceGiven();
    int logged = output.getAll().length();
    int tabs = 4;
    ExecutorService browsers = Executors.newFixedThreadPool(tabs);
    CyclicBarrier together = new CyclicBarrier(tabs);
    try {
      List<Future<Answer>> sent = new ArrayList<>();
      for (int i = 0; i < tabs; i++) {
        sent.add(browsers.submit(() -> {
          together.await();
          return api.rest(allocated.advisor(), "POST", "task/" + allocated.taskId() + "/submit-form", advice);
        }));
      }
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> answer : sent) {
        answers.add(answer.get(60, TimeUnit.SECONDS));
      }

      assertThat(answers).as("saved once").filteredOn(answer -> answer.status() == 204).hasSize(1);
      for (Answer refused : answers.stream().filter(answer -> answer.status() != 204).toList()) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.object().get("problems")).as(refused.body()).asList().singleElement()
            .isIn(StateRefusal.GONE, StateRefusal.CHANGED);
      }
    } finally {
      browsers.shutdownNow();
    }
    assertThat(LogEvents.ofRequests(output.getAll().substring(logged))).contains("Refused SubmitTaskFormCmd: the ")
        .doesNotContain("ENGINE-REST-HTTP").doesNotContain("ENGINE-16004").doesNotContain("\tat org.camunda");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(allocated.caseId())
        .taskDefinitionKey("Task_GiveAdviceAndGuidance").finished().count()).isEqualTo(1);
  }

  @Test
  void aPersonsWorkThatMeetsAnotherChangeOfTheCaseIsRefusedInOneLineButTheJobExecutorsIsNot(CapturedOutput output) {
    Cases.Allocated allocated = cases.allocated("rosa");
    CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    int logged = output.getAll().length();

    engine.getIdentityService().setAuthenticatedUserId(allocated.advisor());
    Throwable person;
    try {
      person = catchThrowable(() -> commands.execute(new RenameTaskMeanwhileChanged(allocated.taskId(), jdbc)));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(person).isInstanceOf(StateRefusal.class).hasMessage(StateRefusal.CHANGED)
        .hasRootCauseInstanceOf(OptimisticLockingException.class);
    assertThat(LogEvents.ofThisThread(output.getAll().substring(logged)))
        .contains("Refused RenameTaskMeanwhileChanged: the case was changed by someone else at the same moment")
        .doesNotContain("OptimisticLockingException").doesNotContain("ENGINE-16");

    Throwable nobody = catchThrowable(() -> commands.execute(new RenameTaskMeanwhileChanged(allocated.taskId(), jdbc)));
    assertThat(nobody).as("the job executor tries its work again on the engine's own exception")
        .isInstanceOf(OptimisticLockingException.class).isNotInstanceOf(StateRefusal.class);
    assertThat(engine.getTaskService().createTaskQuery().taskId(allocated.taskId()).singleResult().getName())
        .as("nothing saved").isNotEqualTo(RenameTaskMeanwhileChanged.NAME);
  }

  @Test
  void aPersonsTaskCommandThatFailsAfterTheTaskWasCompletedMeanwhileIsRefusedAsNoLongerOpen(CapturedOutput output) {
    CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    List<RuntimeException> failures = List.of(
        new AuthorizationException("alex", "TASK_WORK", "Task", "the task"),
        new NullPointerException("activityInstanceId is null"));
    for (RuntimeException failure : failures) {
      Cases.Allocated completedMeanwhile = cases.allocated("rosa");
      Cases.Allocated stillOpen = cases.allocated("rosa");
      Runnable colleagueCompletes = () -> assertThat(api.rest(completedMeanwhile.advisor(), "POST",
          "task/" + completedMeanwhile.taskId() + "/submit-form", adviceGiven()).status()).isEqualTo(204);
      int logged = output.getAll().length();

      engine.getIdentityService().setAuthenticatedUserId(stillOpen.advisor());
      Throwable gone;
      Throwable open;
      try {
        gone = catchThrowable(() -> commands.execute(
            new FailOnATask(completedMeanwhile.taskId(), colleagueCompletes, failure)));
        open = catchThrowable(() -> commands.execute(new FailOnATask(stillOpen.taskId(), () -> { }, failure)));
      } finally {
        engine.getIdentityService().clearAuthentication();
      }

      assertThat(gone).as("completed by a colleague while this command read it").isInstanceOf(StateRefusal.class)
          .hasMessage(StateRefusal.GONE).hasCause(failure);
      assertThat(open).as("a failure of its own").isSameAs(failure);
      String log = LogEvents.ofThisThread(output.getAll().substring(logged));
      assertThat(log).contains("Refused FailOnATask: the task is no longer open");
      if (failure instanceof NullPointerException) {
        assertThat(log).as("the still-open task's failure logged once, with its trace, and not by the engine")
            .doesNotContain("ENGINE-16004").contains("ERROR").contains("FailOnATask failed");
        assertThat(log.split("java.lang.NullPointerException: activityInstanceId is null", -1)).hasSize(2);
      }
    }
  }

  /** Fails on a task after something else happened meanwhile, in another transaction. */
  private record FailOnATask(String taskId, Runnable meanwhile, RuntimeException failure) implements Command<Void> {
    @Override
    public Void execute(CommandContext context) {
      CompletableFuture.runAsync(meanwhile).join();
      throw failure;
    }
  }

  /** Reads a task, lets another transaction change it, then renames it: the engine finds the row changed. */
  private record RenameTaskMeanwhileChanged(String taskId, JdbcTemplate jdbc) implements Command<Void> {
    static final String NAME = "Renamed";

    @Override
    public Void execute(CommandContext context) {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      CompletableFuture.runAsync(() -> jdbc.update("update ACT_RU_TASK set REV_ = REV_ + 1 where ID_ = ?", taskId))
          .join();
      task.setName(NAME);
      return null;
    }
  }

  @Test
  void unreadableQueryValuesAreRefusedByNameWithoutRepeatingThemOnBothDoors(CapturedOutput output) {
    int logged = output.getAll().length();
    Map<String, Object> badDate = Map.of("dueBefore", "SECRET-yesterday");
    Map<String, Object> badNested = Map.of("orQueries", List.of(Map.of("maxPriority", "SECRET-high")));
    List<Answer> refused = List.of(
        api.rest("alex", "GET", "task?dueBefore=SECRET-yesterday", null),
        api.login("alex").call("GET", "task?sortBy=SECRET-sort&sortOrder=asc", null),
        api.rest("alex", "POST", "task", badDate),
        api.login("alex").call("POST", "task", badNested));
    List<String> fields = List.of("dueBefore", "sortBy", "dueBefore", "orQueries[0].maxPriority");
    for (int i = 0; i < refused.size(); i++) {
      Answer answer = refused.get(i);
      assertThat(answer.status()).as(answer.body()).isEqualTo(400);
      assertThat(answer.body()).doesNotContain("SECRET");
      assertThat(answer.object().get("problems")).asList().singleElement().asString()
          .contains(fields.get(i)).endsWith("cannot be read.");
    }
    String log = output.getAll().substring(logged);
    assertThat(log.lines().filter(line -> line.contains("Refused input: The value of"))).hasSize(refused.size());
    assertThat(log).doesNotContain("SECRET");
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedWithoutRepeatingItOnEveryResource(CapturedOutput output) {
    int logged = output.getAll().length();
    String secret = "Entered_" + System.nanoTime();
    List<Answer> refused = List.of(
        api.rest("alex", "POST", "task/count", secret),
        api.rest("alex", "POST", "task", "{\"name\": " + secret + "}"),
        api.login("alex").call("POST", "task", secret),
        api.rest("cora", "POST", "rrp/decision-preview/evaluate", secret));
    for (Answer answer : refused) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(400);
      assertThat(answer.body()).doesNotContain(secret).contains("The request's body could not be read.");
    }
    String log = output.getAll().substring(logged);
    assertThat(log.lines().filter(line -> line.contains("Refused input: The request's body could not be read."))).hasSize(refused.size());
    assertThat(log).doesNotContain(secret);
  }

  @Test
  void aRequestToASuspendedVersionIsRefusedWith400() {
    String definitionId = (String) api.rest("cora", "GET", "process-definition/key/referral", null).object().get("id");
    assertThat(api.rest("cora", "PUT", "process-definition/" + definitionId + "/suspended",
        Map.of("suspended", true, "includeProcessInstances", false)).status()).isEqualTo(204);
    try {
      Answer refused = api.login("rosa").call("POST", "process-definition/" + definitionId + "/submit-form",
          Map.of("variables", Api.typed(Cases.request())));
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.object().get("problems")).asList().containsExactly(StateRefusal.SUSPENDED);
    } finally {
      assertThat(api.rest("cora", "PUT", "process-definition/" + definitionId + "/suspended",
          Map.of("suspended", false, "includeProcessInstances", false)).status()).isEqualTo(204);
    }
  }

  @Test
  void implausibleOrTrailingDatesAreRefused() {
    for (String dateOfBirth : List.of("0001-01-01", "2015-01-01 and more", "2015-01-01Tnonsense")) {
      Map<String, Object> request = Cases.request();
      request.put(ReferralVariables.CHILD_DATE_OF_BIRTH, dateOfBirth);

      Answer refused = api.rest("rosa", "POST", "process-definition/key/referral/submit-form",
          Map.of("variables", Api.typed(request)));

      assertThat(refused.status()).as(dateOfBirth).isEqualTo(400);
      assertThat(refused.object().get("problems")).asList()
          .containsExactly("The child's date of birth is not a date from 1900 onwards.");
    }
  }

  @Test
  void onlyTheAdministratorTouchesTheHistoryCleanupJob() {
    List<Map<String, Object>> jobs = api.rest("admin", "GET", "history/cleanup/jobs", null).list();
    assertThat(jobs).isNotEmpty();
    String job = "job/" + jobs.get(0).get("id");

    for (String user : List.of("rosa", "cora", "max", "alex")) {
      assertThat(api.rest(user, "PUT", job + "/suspended", Map.of("suspended", true)).status()).isEqualTo(403);
      assertThat(api.rest(user, "PUT", job + "/retries", Map.of("retries", 0)).status()).isEqualTo(403);
      assertThat(api.rest(user, "PUT", job + "/duedate", Map.of("duedate", "2099-01-01T00:00:00.000+0000")).status())
          .isEqualTo(403);
      assertThat(api.rest(user, "POST", job + "/execute", null).status()).isEqualTo(403);
      assertThat(api.rest(user, "DELETE", job, null).status()).isEqualTo(403);
      assertThat(api.rest(user, "POST", "history/cleanup", null).status()).isEqualTo(403);
    }
    assertThat(api.login("max").call("PUT", job + "/suspended", Map.of("suspended", true)).status()).isEqualTo(403);
    Map<String, Object> still = api.rest("admin", "GET", job, null).object();
    assertThat(still).containsEntry("suspended", false).containsEntry("retries", jobs.get(0).get("retries"));
  }

  @Test
  void managerWritesNoCommentOrAttachmentButTheCoordinatorDoes() {
    Cases.Allocated allocated = cases.allocated("rosa");
    String task = "task/" + allocated.taskId();
    Map<String, Object> comment = Map.of("message", "A note");
    Map<String, Object> attachment = Map.of();

    assertThat(api.rest("max", "POST", task + "/comment/create", comment).status()).isEqualTo(403);
    assertThat(api.login("max").call("POST", task + "/comment/create", comment).status()).isEqualTo(403);
    assertThat(api.rest("max", "POST", task + "/attachment/create", attachment).status()).isEqualTo(403);
    assertThat(api.rest("max", "PUT", "task/comment", Map.of("id", "x", "message", "y")).status()).isEqualTo(403);
    assertThat(api.rest("bea", "POST", task + "/comment/create", comment).status()).isEqualTo(403);
    Answer commented = api.rest("cora", "POST", task + "/comment/create", comment);
    assertThat(commented.status()).as(commented.body()).isEqualTo(200);
    assertThat(api.rest("admin", "GET", task + "/comment", null).list()).hasSize(1);
  }

  @Test
  void theAdvisorIsToldThatCommentsAndAttachmentsAreTheCoordinators() {
    Cases.Allocated allocated = cases.allocated("rosa");
    String task = "task/" + allocated.taskId();
    for (Answer refused : List.of(api.rest(allocated.advisor(), "POST", task + "/comment/create", Map.of("message", "A note")),
        api.login(allocated.advisor()).call("POST", task + "/comment/create", Map.of("message", "A note")),
        api.restUpload(allocated.advisor(), task + "/attachment/create", attachment("Plan", "https://example.org/plan")))) {
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.body()).contains("Comments and attachments on a task are the coordinators'").doesNotContain("No task found");
    }
    assertThat(api.rest("admin", "GET", task + "/comment", null).list()).isEmpty();
  }

  @Test
  void aCommentIsItsMessageAloneFilledInAndNoLongerThanATextArea(CapturedOutput output) {
    Cases.Allocated allocated = cases.allocated("rosa");
    Cases.Allocated other = cases.allocated("sam");
    String task = "task/" + allocated.taskId();
    String secret = "Entered-" + System.nanoTime();

    List<Map<String, Object>> bad = List.of(Map.of("message", "  "), Map.of(), Map.of("message", List.of(secret)),
        Map.of("message", secret + "x".repeat(4000)));
    for (int i = 0; i < bad.size(); i++) {
      Answer refused = api.rest("cora", "POST", task + "/comment/create", bad.get(i));
      assertThat(refused.status()).as("bad comment " + i).isEqualTo(400);
      assertThat(refused.body()).containsAnyOf("The comment must be filled in.", "The comment must be text.",
          "The comment is longer than 4000 characters.").doesNotContain(secret);
    }
    Answer unreadable = api.login("cora").call("POST", task + "/comment/create", "[\"" + secret + "\"]");
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(unreadable.body()).doesNotContain(secret);
    assertThat(api.rest("admin", "GET", task + "/comment", null).list()).isEmpty();

    Answer noted = api.rest("cora", "POST", task + "/comment/create", Map.of("message", "x".repeat(4000),
        "processInstanceId", other.caseId(), "userId", "alex"));
    assertThat(noted.status()).as(noted.body()).isEqualTo(200);
    List<Map<String, Object>> comments = api.rest("admin", "GET", task + "/comment", null).list();
    assertThat(comments).singleElement().satisfies(comment -> {
      assertThat(comment).containsEntry("userId", "cora").containsEntry("taskId", allocated.taskId());
      assertThat(comment.get("processInstanceId")).isNotEqualTo(other.caseId());
    });
    assertThat(output.getAll()).doesNotContain(secret).contains("Refused input: comment (1 problem)");
  }

  @Test
  void anAttachmentIsNamedAFileOrAWebLinkAndWithinItsSize(CapturedOutput output) throws Exception {
    Cases.Allocated allocated = cases.allocated("rosa");
    String task = "task/" + allocated.taskId();
    String secret = "Entered-" + System.nanoTime();
    Map<MultiValueMap<String, Object>, String> refusals = new java.util.LinkedHashMap<>();
    refusals.put(attachment(secret, "javascript:alert('" + secret + "')"), "The attachment's link must be a web address (http or https).");
    refusals.put(attachment(secret, " https://example.org/plan"), "The attachment's link must be a web address (http or https).");
    refusals.put(attachment(secret, "file:///etc/passwd"), "The attachment's link must be a web address (http or https).");
    refusals.put(attachment(" ", "https://example.org/plan"), "The attachment's name must be filled in.");
    refusals.put(attachment(secret + "x".repeat(255), "https://example.org/plan"), "The attachment's name is longer than 255 characters.");
    refusals.put(attachment(secret, null), "The attachment must be a file or a link.");
    MultiValueMap<String, Object> longDescription = attachment(secret, "https://example.org/plan");
    longDescription.add("attachment-description", secret + "x".repeat(4000));
    refusals.put(longDescription, "The attachment's description is longer than 4000 characters.");
    MultiValueMap<String, Object> twoLinks = attachment(secret, "https://example.org/plan");
    twoLinks.add("url", "javascript:alert(1)"); // the engine keeps the last part of a name
    refusals.put(twoLinks, "The attachment's link must be a web address (http or https).");
    refusals.forEach((upload, problem) -> {
      for (Answer refused : List.of(api.restUpload("cora", task + "/attachment/create", upload),
          api.login("cora").upload(task + "/attachment/create", upload))) {
        assertThat(refused.status()).as(problem).isEqualTo(400);
        assertThat(refused.body()).contains(problem).doesNotContain(secret);
      }
    });
    Answer notAnUpload = api.rest("cora", "POST", task + "/attachment/create", Map.of("attachment-name", secret, "url", "https://example.org/plan"));
    assertThat(notAnUpload.status()).isEqualTo(400);
    assertThat(notAnUpload.body()).contains("The attachment could not be read.").doesNotContain(secret);

    MultiValueMap<String, Object> tooLarge = attachment("Scan", null);
    tooLarge.add("content", file(new byte[10 * 1024 * 1024 + 1]));
    Answer refusedFile = api.restUpload("cora", task + "/attachment/create", tooLarge);
    assertThat(refusedFile.status()).isEqualTo(413);
    assertThat(refusedFile.body()).contains("larger than the 10 MB");
    assertThat(api.rest("admin", "GET", task + "/attachment", null).list()).isEmpty();
    assertThat(output.getAll()).doesNotContain(secret).contains("Refused input: attachment (1 problem)");

    Answer linked = api.restUpload("cora", task + "/attachment/create", attachment("Plan", "https://example.org/plan"));
    assertThat(linked.status()).as(linked.body()).isEqualTo(200);
    MultiValueMap<String, Object> scan = attachment("Scan", null);
    scan.add("attachment-type", "application/pdf");
    scan.add("content", file("%PDF-1.4 a scan".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    Answer filed = api.login("cora").upload(task + "/attachment/create", scan);
    assertThat(filed.status()).as(filed.body()).isEqualTo(200);
    assertThat(api.rest("admin", "GET", task + "/attachment", null).list()).extracting(a -> a.get("name"))
        .containsExactlyInAnyOrder("Plan", "Scan");
  }

  @Test
  void anAttachmentDeclaredLargerThanItsLimitIsRefusedUnread() throws Exception {
    Cases.Allocated allocated = cases.allocated("rosa");
    String path = "/engine-rest/task/" + allocated.taskId() + "/attachment/create";
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
          + org.rrp.workflow.http.HttpCalls.basic("cora", "demo") + "\r\nContent-Type: multipart/form-data; boundary=x\r\n"
          + "Content-Length: 120000000\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      socket.setSoTimeout(30_000);
      StringBuilder read = new StringBuilder();
      byte[] buffer = new byte[4096];
      for (int n; !read.toString().endsWith("}") && (n = socket.getInputStream().read(buffer)) > 0; ) {
        read.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
      }
      assertThat(read.toString()).startsWith("HTTP/1.1 413").containsIgnoringCase("Connection: close")
          .contains("larger than the 10 MB");
    }
  }

  private static MultiValueMap<String, Object> attachment(String name, String url) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("attachment-name", name);
    if (url != null) {
      parts.add("url", url);
    }
    return parts;
  }

  private static ByteArrayResource file(byte[] content) {
    return new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return "scan.pdf";
      }
    };
  }

  @Test
  void onlyTheAdministratorChecksAnotherUsersPassword() {
    Map<String, Object> guess = Map.of("username", "alex", "password", "demo");

    assertThat(api.rest("rosa", "POST", "identity/verify", guess).status()).isEqualTo(403);
    assertThat(api.login("max").call("POST", "identity/verify", guess).status()).isEqualTo(403);
    assertThat(api.rest("admin", "POST", "identity/verify", guess).status()).isEqualTo(200);
  }

  @Test
  void badOrConfusableIdsAreRefusedWith400() {
    for (String id : List.of("ALEX", "camunda-admin", "rrp-managers", "bad id", "x/y")) {
      Answer refused = api.rest("admin", "POST", "user/create", Map.of("profile", Map.of("id", id, "firstName", "Ann",
          "lastName", "Other", "email", "ann.other@example.org"), "credentials", Map.of("password", "Strong-Pass-2026")));
      assertThat(refused.status()).as(id).isEqualTo(400);
      assertThat(refused.body()).doesNotContain(id);
    }
    assertThat(api.rest("admin", "POST", "group/create", Map.of("id", "Area-Evil", "name", "x", "type", "AREA")).status())
        .isEqualTo(400);
    assertThat(api.rest("admin", "POST", "group/create", Map.of("id", "alex", "name", "x", "type", "WORKFLOW")).status())
        .isEqualTo(400);
    Answer unknownArea = api.rest("admin", "POST", "group/create", Map.of("id", "area-evil", "name", "x", "type", "AREA"));
    assertThat(unknownArea.status()).isEqualTo(400);
    assertThat(unknownArea.body()).contains("district table").doesNotContain("area-evil");
    assertThat(api.rest("admin", "GET", "group?id=area-evil", null).list()).isEmpty();
    assertThat(api.rest("admin", "GET", "user?id=ALEX", null).list()).isEmpty();
  }

  @Test
  void aRevokeAuthorizationIsRefusedWith400OnBothDoors(CapturedOutput output) {
    Map<String, Object> deny = Map.of("type", 2, "groupId", "rrp-advisors", "resourceType", 7, "resourceId", "*",
        "permissions", List.of("READ"));
    int before = api.rest("admin", "GET", "authorization", null).list().size();
    int logged = output.getAll().length();

    for (Answer refused : List.of(api.rest("admin", "POST", "authorization/create", deny),
        api.login("admin").call("POST", "authorization/create", deny))) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.object()).containsEntry("message", GrantsOnly.REVOKE_REFUSED);
      assertThat(refused.object().get("problems")).asList().containsExactly(GrantsOnly.REVOKE_REFUSED);
    }
    assertThat(api.rest("admin", "GET", "authorization", null).list()).as("nothing stored").hasSize(before);
    String log = LogEvents.ofRequests(output.getAll().substring(logged));
    assertThat(log.lines().filter(line -> line.contains("Refused input: CreateAuthorizationCommand (1 problem)"))).hasSize(2);
    assertThat(log).doesNotContain("\tat ").doesNotContain("ENGINE-16004");
  }

  @Test
  void aWrongPasswordDoesNotLockTheUserOut() {
    assertThat(api.restAs("alex", "wrong", "task").status()).isEqualTo(401);
    assertThat(api.restAs("alex", "demo", "task").status()).isEqualTo(200);
  }

  @Test
  void restAnswersCarrySecurityHeaders() {
    var headers = api.restHeaders("rosa", "task");
    assertThat(headers).containsEntry("x-content-type-options", "nosniff").containsEntry("x-frame-options", "DENY")
        .containsEntry("referrer-policy", "no-referrer");
  }

  /** The advisor's advice-and-guidance form, filled in. */
  private static Map<String, Object> adviceGiven() {
    return Map.of("variables", Api.typed(Map.of(ReferralVariables.ADVICE_GIVEN, "Use a quiet room for breaks.",
        CaseVariables.CASE_OUTCOME, "Settled with the class teacher's plan.")));
  }
}
