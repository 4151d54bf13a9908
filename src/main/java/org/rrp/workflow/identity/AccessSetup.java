package org.rrp.workflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.LinkedHashMap;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, in every environment, the role groups, what each role may do, and the Tasklist filters of each
 * role. Idempotent: run at every start, it adds only what is missing and never widens an existing grant
 * beyond what is listed here. Users, and area groups, are managed in Admin (or by the demo profile).
 */
@Component
class AccessSetup {

  static final String REFERRAL_PROCESS = "referral";
  static final String TRAINING_JOURNEY_PROCESS = "training-journey";
  static final String TRAINING_EVENT_PROCESS = "training-event";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final List<TaskFilters.Contribution> contributions;

  AccessSetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, List<TaskFilters.Contribution> contributions) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.contributions = contributions;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(1)
  void setUp() {
    group(RrpGroups.REFERRERS, "RRP referrers (schools and social workers)");
    group(RrpGroups.COORDINATORS, "RRP coordinators");
    group(RrpGroups.ADVISORS, "RRP advisors");
    group(RrpGroups.MANAGERS, "RRP managers");
    group(RrpGroups.SETTING_LEADS, "Setting training leads");

    // Referrers: start a request in Tasklist, nothing else (their own case is granted to them when they start it).
    grant(RrpGroups.REFERRERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(RrpGroups.REFERRERS, Resources.PROCESS_DEFINITION, REFERRAL_PROCESS,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(RrpGroups.REFERRERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);

    // Coordinators: triage and allocate, see and reassign every open task, deploy models from Modeler.
    grant(RrpGroups.COORDINATORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(RrpGroups.COORDINATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(RrpGroups.COORDINATORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE);
    grant(RrpGroups.COORDINATORS, Resources.PROCESS_DEFINITION, REFERRAL_PROCESS,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(RrpGroups.COORDINATORS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.CREATE);
    grant(RrpGroups.COORDINATORS, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE);
    grant(RrpGroups.COORDINATORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(RrpGroups.COORDINATORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(RrpGroups.COORDINATORS, Resources.DEPLOYMENT, ANY, Permissions.READ, Permissions.CREATE);
    grant(RrpGroups.COORDINATORS, Resources.USER, ANY, Permissions.READ);
    grant(RrpGroups.COORDINATORS, Resources.GROUP, ANY, Permissions.READ);

    // Advisors: Tasklist only; each task is readable by the area group it names (engine default authorizations).
    grant(RrpGroups.ADVISORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(RrpGroups.ADVISORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    grant(RrpGroups.ADVISORS, Resources.USER, ANY, Permissions.READ);
    grant(RrpGroups.ADVISORS, Resources.GROUP, ANY, Permissions.READ);

    // Managers: read everything in Cockpit, change nothing.
    grant(RrpGroups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(RrpGroups.MANAGERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE);
    grant(RrpGroups.MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(RrpGroups.MANAGERS, Resources.TASK, ANY, Permissions.READ);
    grant(RrpGroups.MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(RrpGroups.MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(RrpGroups.MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ);

    // Setting leads: enrol their own setting and work its journey (each journey's tasks name the setting's group).
    grant(RrpGroups.SETTING_LEADS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(RrpGroups.SETTING_LEADS, Resources.PROCESS_DEFINITION, TRAINING_JOURNEY_PROCESS,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(RrpGroups.SETTING_LEADS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    // Coordinators: enrol settings and add events to the training calendar.
    grant(RrpGroups.COORDINATORS, Resources.PROCESS_DEFINITION, TRAINING_JOURNEY_PROCESS,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(RrpGroups.COORDINATORS, Resources.PROCESS_DEFINITION, TRAINING_EVENT_PROCESS,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);

    TaskFilters filters = new TaskFilters(taskService);
    filter(filters.myTasks(), RrpGroups.REFERRERS, RrpGroups.COORDINATORS, RrpGroups.ADVISORS);
    filter(filters.myAreaUnclaimed(), RrpGroups.ADVISORS);
    filter(filters.myAreaAll(), RrpGroups.ADVISORS);
    filter(filters.coordinationUnclaimed(), RrpGroups.COORDINATORS);
    filter(filters.dueSoonOrOverdue(), RrpGroups.COORDINATORS, RrpGroups.ADVISORS);
    filter(filters.allOpenTasks(), RrpGroups.COORDINATORS);
    for (TaskFilters.Contribution contribution : contributions) {
      contribution.filters(taskService).forEach((definition, readers) -> filter(definition, readers.toArray(String[]::new)));
    }
  }

  private void group(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .list().stream().findFirst()
        .orElseGet(() -> newGrant(groupId, resource, resourceId));
    boolean missing = false;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizationService.saveAuthorization(authorization);
    }
  }

  private Authorization newGrant(String groupId, Resource resource, String resourceId) {
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    return authorization;
  }

  private void filter(TaskFilters.Definition definition, String... readers) {
    Filter filter = filterService.createFilterQuery().filterName(definition.name()).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(definition.name());
      filter.setOwner(RrpGroups.ADMINS);
    }
    // The product's filters are kept as defined here: a new release's columns or criteria apply on restart.
    filter.setQuery(definition.query());
    filter.setProperties(new LinkedHashMap<>(definition.properties()));
    filterService.saveFilter(filter);
    for (String reader : readers) {
      grant(reader, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

}
