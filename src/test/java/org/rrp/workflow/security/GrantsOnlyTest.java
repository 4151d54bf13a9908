package org.rrp.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rrp.workflow.AsUser;
import org.rrp.workflow.EngineTest;
import org.rrp.workflow.LogEvents;
import org.rrp.workflow.TestMail;
import org.rrp.workflow.referral.ReferralRequests;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * Access is granted, never denied ({@link GrantsOnly}): a revoke authorization is refused however it is made, so a
 * person's access checks ask neither whether revokes concern them nor which of their groups hold authorizations, and
 * answer as before; a database holding revokes from before keeps the engine's check for them.
 */
@EngineTest
@ExtendWith(OutputCaptureExtension.class)
class GrantsOnlyTest {

  @RegisterExtension
  static final GreenMailExtension mail = TestMail.server();

  /** The engine's mapping of authorization statements: each statement it runs is logged under it at DEBUG. */
  private static final Logger AUTHORIZATION_STATEMENTS =
      (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity");
  private static final String REVOKE_SEARCH = "selectRevokeAuthorization";
  private static final String GROUP_SEARCH = "selectAuthorizedGroupIds";
  private static final String ACCESS_CHECK = "isUserAuthorizedForResource";

  private final ProcessEngine engine;
  private final AuthorizationService authorizations;

  GrantsOnlyTest(@Autowired ProcessEngine engine) {
    this.engine = engine;
    this.authorizations = engine.getAuthorizationService();
  }

  @BeforeEach
  void logAuthorizationStatements() {
    AUTHORIZATION_STATEMENTS.setLevel(Level.DEBUG);
  }

  @AfterEach
  void stopLoggingThem() {
    AUTHORIZATION_STATEMENTS.setLevel(null);
  }

  @Test
  void aPersonsAccessCheckAsksNeitherForRevokesNorForTheGroupsHoldingAuthorizations(CapturedOutput output) {
    assertThat(engine.getProcessEngineConfiguration().getAuthorizationCheckRevokes())
        .isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    String caseId = atTriage();
    Task triage = engine.getTaskService().createTaskQuery().processInstanceId(caseId).singleResult();

    int logged = output.getAll().length();
    Task seen = AsUser.as(engine, "cora", () -> engine.getTaskService().createTaskQuery().taskId(triage.getId()).singleResult());
    AsUser.as(engine, "cora", () -> engine.getTaskService().getVariables(triage.getId()));
    String statements = LogEvents.ofThisThread(output.getAll().substring(logged));

    assertThat(seen).as("the coordinator's group grant still lets her see the triage").isNotNull();
    assertThat(statements).as("an access check was made and logged").contains(ACCESS_CHECK)
        .doesNotContain(REVOKE_SEARCH).doesNotContain(GROUP_SEARCH);

    // the same check with the engine's own choice of revoke checks asks for revokes: the log would show it
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
    try {
      int again = output.getAll().length();
      AsUser.as(engine, "cora", () -> engine.getTaskService().getVariables(triage.getId()));
      assertThat(LogEvents.ofThisThread(output.getAll().substring(again))).contains(REVOKE_SEARCH);
    } finally {
      configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    }
  }

  @Test
  void aGroupHoldingNoAuthorizationChangesNoAnswer() {
    String caseId = atTriage();
    IdentityService identity = engine.getIdentityService();
    List<String> coraSees = AsUser.as(engine, "cora", () -> taskIds(caseId));
    List<String> rosaSees = AsUser.as(engine, "rosa", () -> taskIds(caseId));

    List<String> groups = new ArrayList<>(identity.createGroupQuery().groupMember("cora").list().stream().map(Group::getId).toList());
    groups.add("group-holding-no-authorization");
    identity.setAuthentication("cora", groups);
    try {
      assertThat(taskIds(caseId)).isEqualTo(coraSees).isNotEmpty();
    } finally {
      identity.clearAuthentication();
    }
    identity.setAuthentication("rosa", List.of("group-holding-no-authorization"));
    try {
      assertThat(taskIds(caseId)).as("no grant, no task").isEqualTo(rosaSees).isEmpty();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** A request past its acknowledgement, waiting for the coordinator's triage; returns the case's id. */
  private String atTriage() {
    String caseId = ReferralRequests.submit(engine, ReferralRequests.valid()).getId();
    engine.getManagementService().executeJob(
        engine.getManagementService().createJobQuery().processInstanceId(caseId).singleResult().getId());
    return caseId;
  }

  private List<String> taskIds(String caseId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(caseId).orderByTaskId().asc().list().stream()
        .map(Task::getId).toList();
  }

  @Test
  void aRevokeAuthorizationIsRefusedHoweverItIsMadeAndNothingIsStored() {
    long before = authorizations.createAuthorizationQuery().count();

    assertThatThrownBy(() -> authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE))
        .isInstanceOf(GrantsOnly.RevokeRefused.class).hasMessage(GrantsOnly.REVOKE_REFUSED);

    AuthorizationEntity made = new AuthorizationEntity(Authorization.AUTH_TYPE_REVOKE);
    made.setGroupId("rrp-advisors");
    made.setResource(Resources.TASK);
    made.setResourceId("*");
    made.addPermission(Permissions.READ);
    assertThatThrownBy(() -> authorizations.saveAuthorization(made))
        .isInstanceOf(GrantsOnly.RevokeRefused.class).hasMessage(GrantsOnly.REVOKE_REFUSED);

    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId("someone-with-a-grant");
    grant.setResource(Resources.TASK);
    grant.setResourceId("*");
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
    try {
      AuthorizationEntity turned = (AuthorizationEntity) authorizations.createAuthorizationQuery()
          .userIdIn("someone-with-a-grant").singleResult();
      turned.setAuthorizationType(Authorization.AUTH_TYPE_REVOKE);
      assertThatThrownBy(() -> authorizations.saveAuthorization(turned))
          .isInstanceOf(GrantsOnly.RevokeRefused.class).hasMessage(GrantsOnly.REVOKE_REFUSED);
      assertThat(authorizations.createAuthorizationQuery().userIdIn("someone-with-a-grant").singleResult().getAuthorizationType())
          .as("still a grant").isEqualTo(Authorization.AUTH_TYPE_GRANT);
    } finally {
      authorizations.deleteAuthorization(grant.getId());
    }
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(before);
    assertThat(authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count()).isZero();
  }

  @Test
  void revokesLeftFromBeforeKeepTheEnginesCheckForThemAndSaySoInOneLine(CapturedOutput output) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    AuthorizationEntity left = new AuthorizationEntity(Authorization.AUTH_TYPE_REVOKE);
    left.setGroupId("rrp-advisors");
    left.setResource(Resources.PROCESS_DEFINITION);
    left.setResourceId("referral");
    left.addPermission(Permissions.READ);
    // as an older version, or another tool, would have stored it: past the refusal
    configuration.getCommandExecutorTxRequired().execute(context -> {
      context.getDbEntityManager().insert(left);
      return null;
    });
    try {
      int logged = output.getAll().length();
      GrantsOnly.chooseRevokeChecks(engine);
      assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
      String log = output.getAll().substring(logged);
      assertThat(log).contains("1 revoke authorizations are in the database").doesNotContain("\tat ");
      assertThat(log.lines().filter(line -> line.contains("revoke authorizations"))).hasSize(1);
    } finally {
      configuration.getCommandExecutorTxRequired().execute(context -> {
        context.getDbEntityManager().delete(AuthorizationEntity.class, "deleteAuthorization", left);
        return null;
      });
    }
    GrantsOnly.chooseRevokeChecks(engine);
    assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
  }
}
