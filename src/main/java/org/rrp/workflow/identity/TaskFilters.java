package org.rrp.workflow.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.rrp.workflow.casework.CaseVariables;

/**
 * The Tasklist filters each role sees. Every filter lists the case reference, service and area, so people can
 * talk about a case without naming the child. What a filter shows is still limited by the reader's authorizations.
 */
public final class TaskFilters {

  /** A Tasklist filter: its name, query and display properties. */
  public record Definition(String name, TaskQuery query, Map<String, Object> properties) {
  }

  /**
   * Filters a feature adds for its own work (e.g. the training journeys), created with the product's own at every
   * start and readable by the groups given.
   */
  public interface Contribution {
    Map<Definition, List<String>> filters(TaskService taskService);
  }

  private final TaskService taskService;

  TaskFilters(TaskService taskService) {
    this.taskService = taskService;
  }

  Definition myTasks() {
    return new Definition("My tasks",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
        properties(-10, "Tasks assigned to me", "#2E7D32"));
  }

  Definition myAreaUnclaimed() {
    return new Definition("My area \u2014 unclaimed",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned(),
        properties(-5, "Unclaimed tasks of my area: claim one to work on it", "#1565C0"));
  }

  /** Every open task of the reader's areas, claimed or not: a colleague's cases, to cover an absence. */
  Definition myAreaAll() {
    return new Definition("My area \u2014 all open tasks",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
        properties(-4, "Every open task of my area's cases, mine and my colleagues'", "#0D47A1"));
  }

  Definition coordinationUnclaimed() {
    return new Definition("To triage and allocate",
        taskService.createTaskQuery().taskCandidateGroup(RrpGroups.COORDINATORS).taskUnassigned(),
        properties(-5, "Unclaimed coordinator tasks: reviews, triage, allocation by hand", "#1565C0"));
  }

  Definition dueSoonOrOverdue() {
    return new Definition("Due soon / overdue",
        taskService.createTaskQuery().dueBeforeExpression("${dateTime().plusDays(2).toDate()}"),
        properties(0, "Open tasks due within two days or already overdue", "#C62828"));
  }

  /** Every open task; the cases themselves are listed under Tasklist's "Cases". */
  Definition allOpenTasks() {
    return new Definition("All open tasks", taskService.createTaskQuery(),
        properties(10, "Every open task of every case (the cases themselves: Cases, in the header)", "#555555"));
  }

  /** A column of a filter's list: a variable shown beside each task. */
  public static Map<String, Object> column(String name, String label) {
    return Map.of("name", name, "label", label);
  }

  /** Display properties: order, description, colour, refresh, and the case reference and setting as columns. */
  public static Map<String, Object> properties(int priority, String description, String color) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("color", color);
    properties.put("refresh", true);
    properties.put("variables", List.of(column(CaseVariables.CASE_REFERENCE, "Case"), column(CaseVariables.SETTING_NAME, "Setting")));
    return properties;
  }
}
