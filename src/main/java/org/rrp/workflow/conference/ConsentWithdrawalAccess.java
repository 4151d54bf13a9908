package org.rrp.workflow.conference;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.rrp.workflow.casework.CaseFile;
import org.rrp.workflow.casework.CaseMessage;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.rrp.workflow.identity.RrpGroups;
import org.springframework.stereotype.Component;

/**
 * Who may withdraw consent by correlating the message {@value #MESSAGE} on the case reference (REST
 * {@code POST /engine-rest/message}). The engine lets a user correlate a message only with UPDATE on the process
 * instance; so while one conference is in preparation, and only then, the coordinators and the case's area group
 * get UPDATE on that conference's instance, nothing wider. A referrer or an advisor of another area has no such
 * grant and is refused (403). Referenced as {@code ${consentWithdrawalAccess}} on the start and end of the
 * preparation subprocess; the grants go when it ends (held, withdrawn, consent not given, or the case stopped).
 */
@Component("consentWithdrawalAccess")
class ConsentWithdrawalAccess implements ExecutionListener {

  /** The message that withdraws consent; its name is in the model ({@code Message_ConsentWithdrawn}). */
  static final String MESSAGE = "ConsentWithdrawn";

  /** People may send it to a case over REST (the engine checks the grant above). */
  @org.springframework.context.annotation.Bean
  static CaseMessage consentWithdrawnMessage() {
    return new CaseMessage(MESSAGE);
  }

  private final AuthorizationService authorizationService;

  ConsentWithdrawalAccess(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    String area = CaseFile.of(execution).area();
    if (EVENTNAME_START.equals(execution.getEventName())) {
      letWithdraw(processInstanceId, RrpGroups.COORDINATORS);
      if (RrpGroups.isAreaGroup(area)) {
        letWithdraw(processInstanceId, area);
      }
    } else {
      revoke(processInstanceId);
    }
  }

  /** Adds UPDATE to the group's grant on the instance (one grant per group and instance: the engine keeps them unique). */
  void letWithdraw(String processInstanceId, String groupId) {
    WithoutAuthorization.run(() -> {
      Authorization grant = authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
          .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).groupIdIn(groupId).list().stream()
          .findFirst().orElseGet(() -> {
            Authorization created = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            created.setGroupId(groupId);
            created.setResource(Resources.PROCESS_INSTANCE);
            created.setResourceId(processInstanceId);
            return created;
          });
      grant.addPermission(Permissions.UPDATE);
      authorizationService.saveAuthorization(grant);
    });
  }

  /** Takes UPDATE away again; any other grant on the instance (the area's READ) stays. */
  void revoke(String processInstanceId) {
    WithoutAuthorization.run(() -> authorizationService.createAuthorizationQuery()
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).list().stream()
        .filter(grant -> grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT && grant.getGroupId() != null
            && grant.isPermissionGranted(Permissions.UPDATE))
        .forEach(grant -> {
          grant.removePermission(Permissions.UPDATE);
          if (grant.isPermissionGranted(Permissions.READ)) {
            authorizationService.saveAuthorization(grant);
          } else {
            authorizationService.deleteAuthorization(grant.getId());
          }
        }));
  }
}
