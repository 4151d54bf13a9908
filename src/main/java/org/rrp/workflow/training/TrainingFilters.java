package org.rrp.workflow.training;

import static org.rrp.workflow.identity.TaskFilters.column;
import static org.rrp.workflow.identity.TaskFilters.properties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.identity.RrpGroups;
import org.rrp.workflow.identity.TaskFilters;
import org.rrp.workflow.identity.TaskFilters.Definition;
import org.springframework.stereotype.Component;

/** The Tasklist filters of the training journeys: a lead's own setting's tasks, and every journey for the team. */
@Component
class TrainingFilters implements TaskFilters.Contribution {

  static final String JOURNEY = "training-journey";

  @Override
  public Map<Definition, List<String>> filters(TaskService taskService) {
    Map<Definition, List<String>> filters = new LinkedHashMap<>();
    filters.put(new Definition("My setting's training",
        taskService.createTaskQuery().processDefinitionKey(JOURNEY)
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
        trainingProperties(-10, "Your setting's training journey: book, evidence, resume", "#6A1B9A")),
        List.of(RrpGroups.SETTING_LEADS));
    filters.put(new Definition("Training journeys", taskService.createTaskQuery().processDefinitionKey(JOURNEY),
        trainingProperties(5, "Every open task of every setting's training journey, with its stage", "#6A1B9A")),
        List.of(RrpGroups.COORDINATORS, RrpGroups.MANAGERS));
    return filters;
  }

  private static Map<String, Object> trainingProperties(int priority, String description, String color) {
    Map<String, Object> properties = properties(priority, description, color);
    properties.put("variables", List.of(column(TrainingVariables.SETTING_ID, "Setting id"),
        column(CaseVariables.SETTING_NAME, "Setting"), column(TrainingVariables.STAGE_NAME, "Stage"),
        column(TrainingVariables.STAGE_DUE_ON, "Stage due by")));
    return properties;
  }
}
