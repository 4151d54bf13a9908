package org.rrp.workflow.modeling;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.rrp.workflow.identity.RrpGroups;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What coordinators may do with the models besides deploying them (granted in {@code AccessSetup}): suspend and
 * activate process definitions (with their cases), and migrate running cases between versions of a process. They
 * get no DELETE on deployments; the engine gives a deployer rights on their own deployment, and
 * {@link DeploymentDeletionGuard} keeps a deployment with cases to the administrator. Idempotent, at every start.
 */
@Component
class ModelingAccess {

  private final AuthorizationService authorizations;

  ModelingAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(2)
  void grantCoordinators() {
    grant(ProcessDefinitionPermissions.SUSPEND, ProcessDefinitionPermissions.SUSPEND_INSTANCE,
        ProcessDefinitionPermissions.MIGRATE_INSTANCE);
  }

  private void grant(Permission... permissions) {
    // Adds to the coordinators' grant on every process definition (AccessSetup's, which only ever adds too).
    Authorization grant = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(RrpGroups.COORDINATORS).resourceType(Resources.PROCESS_DEFINITION).resourceId(ANY).list().stream()
        .findFirst().orElseGet(() -> {
          Authorization created = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
          created.setGroupId(RrpGroups.COORDINATORS);
          created.setResource(Resources.PROCESS_DEFINITION);
          created.setResourceId(ANY);
          return created;
        });
    boolean missing = false;
    for (Permission permission : permissions) {
      if (!grant.isPermissionGranted(permission)) {
        grant.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(grant);
    }
  }
}
