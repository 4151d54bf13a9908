package org.rrp.workflow.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.rrp.workflow.casework.CaseFile;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

/**
 * Need-to-know read access to one case (process instance): the referrer who asked, and the area whose advisors
 * work it, so Tasklist can show them the case's reference and details. Granted as the case moves, revoked when
 * it ends. The application grants on its own behalf: the person whose action triggers it may not grant access.
 */
@Service
public class CaseAccess {

  private final AuthorizationService authorizationService;

  CaseAccess(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  public void letUserRead(String processInstanceId, String userId) {
    grantRead(processInstanceId, userId, null);
  }

  public void letGroupRead(String processInstanceId, String groupId) {
    grantRead(processInstanceId, null, groupId);
  }

  /**
   * For a process that works on a case (a circle): while it runs, the area group of the case may read it, so that
   * Tasklist shows its advisors the case reference. Referenced as {@code ${caseAreaReadAccess}} on start and end.
   */
  @Bean
  static ExecutionListener caseAreaReadAccess(CaseAccess caseAccess) {
    return execution -> {
      if (ExecutionListener.EVENTNAME_START.equals(execution.getEventName())) {
        String area = CaseFile.of(execution).area();
        if (area != null) {
          caseAccess.letGroupRead(execution.getProcessInstanceId(), area);
        }
      } else {
        caseAccess.revokeAll(execution.getProcessInstanceId());
      }
    };
  }

  public void revokeAll(String processInstanceId) {
    WithoutAuthorization.run(() -> authorizationService.createAuthorizationQuery()
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).list()
        .forEach(grant -> authorizationService.deleteAuthorization(grant.getId())));
  }

  private void grantRead(String processInstanceId, String userId, String groupId) {
    WithoutAuthorization.run(() -> {
      boolean granted = authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
          .resourceId(processInstanceId).list().stream()
          .anyMatch(a -> (userId != null && userId.equals(a.getUserId())) || (groupId != null && groupId.equals(a.getGroupId())));
      if (!granted) {
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(userId);
        grant.setGroupId(groupId);
        grant.setResource(Resources.PROCESS_INSTANCE);
        grant.setResourceId(processInstanceId);
        grant.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(grant);
      }
    });
  }
}
