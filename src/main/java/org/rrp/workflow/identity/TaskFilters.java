package org.rrp.workflow.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.training.TrainingVariables;

/**
 * The Tasklist filters each role sees. Every filter lists the case reference, service and area, so people can
 * talk about a case without naming the child. What a filter shows is still limited by the reader's authorizations.
 */
final class TaskFilters {

  record Definition(String name, TaskQuery query, Map<String, Object> properties) {
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

  Definition allOpenCases() {
    return new Definition("All open cases", taskService.createTaskQuery(),
        properties(10, "Every open task of every case", "#555555"));
  }

  Definition mySettingsTraining() {
    return new Definition("My setting's training",
        taskService.createTaskQuery().processDefinitionKey("training-journey")
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
        trainingProperties(-10, "Your setting's training journey: book, evidence, resume", "#6A1B9A"));
  }

  Definition trainingJourneys() {
    return new Definition("Training journeys", taskService.createTaskQuery().processDefinitionKey("training-journey"),
        trainingProperties(5, "Every open task of every setting's training journey, with its stage", "#6A1B9A"));
  }

  private static Map<String, Object> trainingProperties(int priority, String description, String color) {
    Map<String, Object> properties = properties(priority, description, color);
    properties.put("variables", List.of(column(TrainingVariables.SETTING_ID, "Setting id"), column(CaseVariables.SETTING_NAME, "Setting"),
        column(TrainingVariables.STAGE_NAME, "Stage"), column(TrainingVariables.STAGE_DUE_ON, "Stage due by")));
    return properties;
  }

  private static Map<String, Object> column(String name, String label) {
    return Map.of("name", name, "label", label);
  }

  private static Map<String, Object> properties(int priority, String description, String color) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("color", color);
    properties.put("refresh", true);
    properties.put("variables", List.of(column(CaseVariables.CASE_REFERENCE, "Case"), column(CaseVariables.SETTING_NAME, "Setting")));
    return properties;
  }
}
