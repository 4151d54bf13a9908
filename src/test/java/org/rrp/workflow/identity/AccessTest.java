package org.rrp.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rrp.workflow.casework.CaseVariables.ADVISOR_ID;
import static org.rrp.workflow.casework.CaseVariables.AREA;
import static org.rrp.workflow.casework.CaseVariables.CASE_REFERENCE;
import static org.rrp.workflow.casework.CaseVariables.SERVICE;

import java.util.List;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.rrp.workflow.AsUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rrp.workflow.EngineTest;
import org.rrp.workflow.TestMail;
import org.rrp.workflow.referral.ReferralRequests;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/** Need-to-know access through the engine API, as each demo role, with authorization checks on. */
@EngineTest
class AccessTest {

  static final String EAST = "area-east-staffs-tamworth";

  @RegisterExtension
  static final GreenMailExtension mail = TestMail.server();

  @RegisterExtension
  final ProcessEngineExtension engine;

  AccessTest(@Autowired ProcessEngine processEngine) {
    engine = ProcessEngineExtension.builder().useProcessEngine(processEngine).build();
  }

  @AfterEach
  void logOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void advisorSeesAndClaimsTasksOfTheirOwnAreaOnly() {
    Task eastTask = unclaimedAdvisorTaskIn(EAST);

    Task seenByEastAdvisor = as("alex", () -> engine.getTaskService().createTaskQuery().taskId(eastTask.getId()).singleResult());
    assertThat(seenByEastAdvisor).isNotNull();

    assertThat(as("bea", () -> engine.getTaskService().createTaskQuery().processInstanceId(eastTask.getProcessInstanceId()).count()))
        .as("an advisor of Cannock & Lichfield sees nothing of an East Staffs case").isZero();
    assertThatThrownBy(() -> as("bea", () -> {
      engine.getTaskService().claim(eastTask.getId(), "bea");
      return null;
    })).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> as("bea", () -> engine.getTaskService().getVariables(eastTask.getId())))
        .isInstanceOf(AuthorizationException.class);

    as("ash", () -> {
      engine.getTaskService().claim(eastTask.getId(), "ash");
      return null;
    });
    assertThat(engine.getTaskService().createTaskQuery().taskId(eastTask.getId()).singleResult().getAssignee()).isEqualTo("ash");
  }

  @Test
  void referrerStartsARequestAndReadsTheirOwnCaseButNoOtherCase() {
    ProcessInstance rosasCase = as("rosa", () -> engine.getFormService().submitStartForm(referralDefinitionId(), ReferralRequests.valid()));
    ProcessInstance samsCase = as("sam", () -> engine.getFormService().submitStartForm(referralDefinitionId(), ReferralRequests.valid()));

    assertThat(as("rosa", () -> engine.getRuntimeService().createProcessInstanceQuery().list()))
        .extracting(ProcessInstance::getId).containsExactly(rosasCase.getId());
    assertThat(as("sam", () -> engine.getRuntimeService().createProcessInstanceQuery().list()))
        .extracting(ProcessInstance::getId).containsExactly(samsCase.getId());
    assertThatThrownBy(() -> as("rosa", () -> engine.getRuntimeService().getVariables(samsCase.getId())))
        .isInstanceOf(AuthorizationException.class);
    assertThat(as("rosa", () -> engine.getTaskService().createTaskQuery().processInstanceId(rosasCase.getId()).count()))
        .as("the triage task of their own case is the coordinators' work").isZero();
  }

  @Test
  void referrerGrantIsRemovedWhenTheCaseEnds() {
    ProcessInstance rosasCase = as("rosa", () -> engine.getFormService().submitStartForm(referralDefinitionId(), ReferralRequests.valid()));
    engine.getRuntimeService().deleteProcessInstance(rosasCase.getId(), "withdrawn by the referrer");

    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceId(rosasCase.getId()).count()).isZero();
  }

  @Test
  void managerReadsCasesAndTasksButCompletesNothing() {
    Task task = unclaimedAdvisorTaskIn(EAST);

    assertThat(as("max", () -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count())).isEqualTo(1);
    assertThat(as("max", () -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).count())).isEqualTo(1);
    assertThatThrownBy(() -> as("max", () -> {
      engine.getTaskService().complete(task.getId());
      return null;
    })).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> as("max", () -> engine.getFormService().submitStartForm(referralDefinitionId(), ReferralRequests.valid())))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void advisorsOfTheAreaReadTheCaseOnceItIsAllocatedToThem() {
    ProcessInstance referral = engine.getRuntimeService().createProcessInstanceByKey("referral")
        .businessKey("RRP-2026-8500").startBeforeActivity("Task_AllocateAdvisor")
        .setVariables(ReferralRequests.valid().putValue(CASE_REFERENCE, "RRP-2026-8500").putValue(AREA, EAST)
            .putValue(SERVICE, "advice-and-guidance"))
        .execute();
    assertThat(as("alex", () -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(referral.getId()).count()))
        .as("not before allocation").isZero();

    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(referral.getId()).singleResult().getId());

    for (String eastAdvisor : List.of("alex", "ash")) {
      assertThat(as(eastAdvisor, () -> engine.getRuntimeService().getVariable(referral.getId(), CASE_REFERENCE)))
          .isEqualTo("RRP-2026-8500");
    }
    assertThat(as("bea", () -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(referral.getId()).count()))
        .isZero();
  }

  @Test
  void coordinatorSeesEveryAreasTasks() {
    Task task = unclaimedAdvisorTaskIn(EAST);

    assertThat(as("cora", () -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count())).isEqualTo(1);
  }

  @Test
  void eachRoleSeesItsOwnTasklistFilters() {
    assertThat(filtersOf("rosa")).containsExactly("My tasks");
    assertThat(filtersOf("alex")).containsExactlyInAnyOrder("My tasks", "My area \u2014 unclaimed",
        "My area \u2014 all open tasks", "Due soon / overdue");
    assertThat(filtersOf("cora")).containsExactlyInAnyOrder("My tasks", "To triage and allocate", "Due soon / overdue",
        "All open tasks", "Training journeys");
    assertThat(filtersOf("max")).containsExactly("Training journeys");
    assertThat(filtersOf("lena")).containsExactly("My setting's training");
  }

  @Test
  void advisorsAreaFilterListsUnclaimedTasksOfTheirAreaOnly() {
    Task eastTask = unclaimedAdvisorTaskIn(EAST);
    String filterId = engine.getFilterService().createFilterQuery().filterName("My area \u2014 unclaimed").singleResult().getId();

    List<Task> alexSees = as("alex", () -> engine.getFilterService().list(filterId));
    List<Task> beaSees = as("bea", () -> engine.getFilterService().list(filterId));

    assertThat(alexSees).extracting(Task::getId).contains(eastTask.getId());
    assertThat(beaSees).extracting(Task::getId).doesNotContain(eastTask.getId());
  }

  @Test
  void advisorsAreaViewListsColleaguesClaimedTasksAndNothingOfOtherAreas() {
    Task eastTask = unclaimedAdvisorTaskIn(EAST);
    engine.getTaskService().setAssignee(eastTask.getId(), "ash");
    String filterId = engine.getFilterService().createFilterQuery().filterName("My area \u2014 all open tasks").singleResult().getId();

    List<Task> alexSees = as("alex", () -> engine.getFilterService().list(filterId));
    List<Task> beaSees = as("bea", () -> engine.getFilterService().list(filterId));

    assertThat(alexSees).extracting(Task::getId).contains(eastTask.getId());
    assertThat(as("alex", () -> engine.getFilterService().count(filterId))).isEqualTo(alexSees.size());
    assertThat(beaSees).extracting(Task::getId).doesNotContain(eastTask.getId());
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  /** An advisor task of the area, unassigned (as after a colleague hands it back), candidate group the area. */
  private Task unclaimedAdvisorTaskIn(String area) {
    ProcessInstance referral = engine.getRuntimeService().createProcessInstanceByKey("referral")
        .businessKey("RRP-2026-8" + System.nanoTime() % 1000)
        .startBeforeActivity("Task_GiveAdviceAndGuidance")
        .setVariables(ReferralRequests.valid().putValue(CASE_REFERENCE, "RRP-2026-8000").putValue(AREA, area)
            .putValue(SERVICE, "advice-and-guidance").putValue(ADVISOR_ID, null))
        .execute();
    return engine.getTaskService().createTaskQuery().processInstanceId(referral.getId()).singleResult();
  }

  private List<String> filtersOf(String userId) {
    return as(userId, () -> engine.getFilterService().createFilterQuery().list().stream().map(f -> f.getName()).toList());
  }

  private String referralDefinitionId() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("referral")
        .latestVersion().singleResult().getId();
  }

  private <T> T as(String userId, Callable<T> work) {
    return AsUser.as(engine.getProcessEngine(), userId, work);
  }
}
