package org.rrp.workflow.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's default task authorizations, taken back when the link that granted them goes. The default provider
 * grants a user or group READ and UPDATE (or TASK_WORK, and READ_VARIABLE when enforced) on a task when it becomes
 * the task's assignee, owner or candidate, and never revokes them. Here, when a candidate link is removed, the task
 * is reassigned or its owner changes (delegation resolved), the former party loses exactly those permissions,
 * unless it is still linked to the task another way. Anything else on the same authorization stays. When a task
 * ends, the engine deletes all authorizations of the task itself.
 */
class TaskAccessRevocation extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    if (oldAssignee != null && !oldAssignee.equals(newAssignee)
        && !oldAssignee.equals(task.getOwner()) && !hasUserLink(task, oldAssignee, null)) {
      revoke(task, oldAssignee, null);
    }
    return super.newTaskAssignee(task, oldAssignee, newAssignee);
  }

  @Override
  public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
    if (oldOwner != null && !oldOwner.equals(newOwner)
        && !oldOwner.equals(task.getAssignee()) && !hasUserLink(task, oldOwner, null)) {
      revoke(task, oldOwner, null);
    }
    return super.newTaskOwner(task, oldOwner, newOwner);
  }

  @Override
  public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
    if (userId != null && !userId.equals(task.getAssignee()) && !userId.equals(task.getOwner())
        && !hasUserLink(task, userId, type)) {
      revoke(task, userId, null);
    }
    return null;
  }

  @Override
  public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (groupId != null && !hasLink(task, link -> groupId.equals(link.getGroupId()) && !Objects.equals(type, link.getType()))) {
      revoke(task, null, groupId);
    }
    return null;
  }

  /** Whether the user is linked to the task by an identity link other than one of the given type. */
  private static boolean hasUserLink(Task task, String userId, String exceptType) {
    return hasLink(task, link -> userId.equals(link.getUserId()) && (exceptType == null || !exceptType.equals(link.getType())));
  }

  private static boolean hasLink(Task task, Predicate<IdentityLinkEntity> matches) {
    return task instanceof TaskEntity entity && entity.getIdentityLinks().stream().anyMatch(matches);
  }

  /** Removes what a default task authorization grants; deletes the authorization when nothing else is left on it. */
  private void revoke(Task task, String userId, String groupId) {
    revoke(task.getId(), Resources.TASK, userId, groupId, getRuntimePermissions(isEnforceSpecificVariablePermission()));
    if (isHistoricInstancePermissionsEnabled()) {
      revoke(task.getId(), Resources.HISTORIC_TASK, userId, groupId, getHistoricPermissions(isEnforceSpecificVariablePermission()));
    }
  }

  private void revoke(String taskId, Resource resource, String userId, String groupId, Permission[] granted) {
    DbEntityManager db = Context.getCommandContext().getDbEntityManager();
    for (AuthorizationEntity authorization : grantsOn(taskId, resource, userId, groupId)) {
      for (Permission permission : granted) {
        authorization.removePermission(permission);
      }
      if (authorization.getPermissions(Permissions.values()).length == 0) {
        db.delete(authorization);
      }
    }
  }

  /** The grant of the user or group on the task: one written earlier in this command, else the stored one. */
  private List<AuthorizationEntity> grantsOn(String taskId, Resource resource, String userId, String groupId) {
    List<AuthorizationEntity> found = new ArrayList<>();
    for (AuthorizationEntity cached : Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class)) {
      if (cached.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT && cached.getResourceType() == resource.resourceType()
          && taskId.equals(cached.getResourceId()) && Objects.equals(userId, cached.getUserId())
          && Objects.equals(groupId, cached.getGroupId())) {
        found.add(cached);
      }
    }
    if (found.isEmpty()) {
      AuthorizationEntity stored = userId != null ? getGrantAuthorizationByUserId(userId, resource, taskId)
          : getGrantAuthorizationByGroupId(groupId, resource, taskId);
      if (stored != null) {
        found.add(stored);
      }
    }
    return found;
  }
}
