package org.rrp.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rrp.workflow.casework.CaseVariables.ADVISOR_ID;
import static org.rrp.workflow.casework.CaseVariables.AREA;
import static org.rrp.workflow.casework.CaseVariables.CASE_REFERENCE;
import static org.rrp.workflow.casework.CaseVariables.SERVICE;

import java.util.Map;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.rrp.workflow.AsUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rrp.workflow.EngineTest;
import org.rrp.workflow.TestMail;
import org.rrp.workflow.referral.ReferralRequests;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.rrp.workflow.casework.CaseVariables;

/** Task access follows the task's links as they are now: whoever is unlinked loses what the link granted. */
@EngineTest
class TaskAccessRevocationTest {

  static final String EAST = "area-east-staffs-tamworth";

  @RegisterExtension
  static final GreenMailExtension mail = TestMail.server();

  private final ProcessEngine engine;
  private final TaskService tasks;

  TaskAccessRevocationTest(@Autowired ProcessEngine engine) {
    this.engine = engine;
    this.tasks = engine.getTaskService();
  }

  @AfterEach
  void logOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void removedCandidateGroupNoLongerReadsOrSubmitsTheTask() {
    Task task = eastAdvisorTask();
    tasks.addCandidateGroup(task.getId(), "area-cannock-lichfield");
    assertThat(canRead("bea", task)).isTrue();

    tasks.deleteCandidateGroup(task.getId(), "area-cannock-lichfield");

    assertThat(canRead("bea", task)).isFalse();
    assertThatThrownBy(() -> as("bea", () -> {
      engine.getFormService().submitTaskForm(task.getId(), Map.of());
      return null;
    }))
        .isInstanceOf(AuthorizationException.class);
    assertThat(canRead("alex", task)).as("the area group's own grant stays").isTrue();
  }

  @Test
  void removedCandidateUserNoLongerReadsTheChildsName() {
    Task task = eastAdvisorTask();
    tasks.addCandidateUser(task.getId(), "rosa");
    assertThat(as("rosa", () -> tasks.getVariable(task.getId(), CaseVariables.CHILD_NAME))).isNotNull();

    tasks.deleteCandidateUser(task.getId(), "rosa");

    assertThat(canRead("rosa", task)).isFalse();
    assertThatThrownBy(() -> as("rosa", () -> tasks.getVariable(task.getId(), CaseVariables.CHILD_NAME)))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void formerAssigneeLosesAccessOnReassignmentAndRegainsItOnlyWhenAssignedAgain() {
    Task task = eastAdvisorTask();
    tasks.setAssignee(task.getId(), "cal");
    assertThat(canRead("cal", task)).isTrue();

    tasks.setAssignee(task.getId(), "dee");
    assertThat(canRead("cal", task)).isFalse();
    assertThat(canRead("dee", task)).isTrue();

    tasks.setAssignee(task.getId(), "cal");
    assertThat(canRead("cal", task)).isTrue();
    assertThat(canRead("dee", task)).isFalse();
  }

  @Test
  void delegateLosesAccessWhenTheDelegationIsResolvedAndTheOwnerKeepsIt() {
    Task task = eastAdvisorTask();
    tasks.setAssignee(task.getId(), "cal");
    tasks.delegateTask(task.getId(), "dee");
    assertThat(canRead("dee", task)).isTrue();

    as("dee", () -> {
      tasks.resolveTask(task.getId());
      return null;
    });

    assertThat(canRead("dee", task)).isFalse();
    assertThat(canRead("cal", task)).isTrue();
  }

  @Test
  void userStillLinkedAnotherWayKeepsAccess() {
    Task task = eastAdvisorTask();
    tasks.addCandidateUser(task.getId(), "cal");
    tasks.setAssignee(task.getId(), "cal");

    tasks.deleteCandidateUser(task.getId(), "cal");
    assertThat(canRead("cal", task)).as("still the assignee").isTrue();

    tasks.addCandidateUser(task.getId(), "cal");
    tasks.setAssignee(task.getId(), null);
    assertThat(canRead("cal", task)).as("still a candidate").isTrue();
  }

  @Test
  void revocationLeavesOtherPermissionsOnTheSameAuthorization() {
    Task task = eastAdvisorTask();
    tasks.setAssignee(task.getId(), "cal");
    var grant = engine.getAuthorizationService().createAuthorizationQuery().userIdIn("cal")
        .resourceType(Resources.TASK).resourceId(task.getId()).singleResult();
    grant.addPermission(Permissions.DELETE);
    engine.getAuthorizationService().saveAuthorization(grant);

    tasks.setAssignee(task.getId(), "dee");

    var left = engine.getAuthorizationService().createAuthorizationQuery().userIdIn("cal")
        .resourceType(Resources.TASK).resourceId(task.getId()).singleResult();
    assertThat(left.isPermissionGranted(Permissions.DELETE)).isTrue();
    assertThat(left.isPermissionGranted(Permissions.READ)).isFalse();
    assertThat(left.isPermissionGranted(Permissions.UPDATE)).isFalse();
  }

  @Test
  void nothingIsLeftOnATaskOrCaseOnceItEnds() {
    Task task = eastAdvisorTask();
    tasks.addCandidateUser(task.getId(), "rosa");
    tasks.setAssignee(task.getId(), "cal");

    engine.getRuntimeService().deleteProcessInstance(task.getProcessInstanceId(), "test");

    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceId(task.getId()).count()).isZero();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceId(task.getProcessInstanceId()).count())
        .isZero();
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  private Task eastAdvisorTask() {
    ProcessInstance referral = engine.getRuntimeService().createProcessInstanceByKey("referral")
        .businessKey("RRP-2026-7" + System.nanoTime() % 1000)
        .startBeforeActivity("Task_GiveAdviceAndGuidance")
        .setVariables(ReferralRequests.valid().putValue(CASE_REFERENCE, "RRP-2026-7000").putValue(AREA, EAST)
            .putValue(SERVICE, "advice-and-guidance").putValue(ADVISOR_ID, null))
        .execute();
    return tasks.createTaskQuery().processInstanceId(referral.getId()).singleResult();
  }

  private boolean canRead(String userId, Task task) {
    return as(userId, () -> tasks.createTaskQuery().taskId(task.getId()).count()) == 1;
  }

  private <T> T as(String userId, Callable<T> work) {
    return AsUser.as(engine, userId, work);
  }
}
