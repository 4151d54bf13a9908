package org.rrp.workflow.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.rrp.workflow.casework.UnrecordedDecisions;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.rrp.workflow.training.JourneyRecords.Stage;
import org.springframework.stereotype.Service;

/**
 * The stage catalogue: the latest deployed version of the {@code training-stages} decision table, which
 * coordinators edit in Camunda Modeler and deploy. Read when a setting enrols, so a change applies to journeys
 * enrolled afterwards without a rebuild; a running journey keeps the catalogue it enrolled with. A setting's stages
 * are the journey's decision, recorded in the decision history; the stages of every phase, read to check a new
 * training event's stage, are a check and are not recorded ({@link UnrecordedDecisions}).
 */
@Service
class StageCatalogue {

  static final String DECISION = "training-stages";

  private final DecisionService decisions;
  private final UnrecordedDecisions checks;

  StageCatalogue(DecisionService decisions, UnrecordedDecisions checks) {
    this.decisions = decisions;
    this.checks = checks;
  }

  /** The stages offered to a setting of this phase, in order: the journey's decision, recorded. */
  List<Stage> stagesFor(String settingPhase) {
    return stages(WithoutAuthorization.call(() -> decisions.evaluateDecisionTableByKey(DECISION,
        Variables.createVariables().putValue(TrainingVariables.SETTING_PHASE, settingPhase)).getResultList()));
  }

  /** The ids of the stages offered to settings of any of these phases: for a check, not recorded. */
  Set<String> stageIdsOffered(Collection<String> settingPhases) {
    List<VariableMap> inputs = settingPhases.stream()
        .map(phase -> Variables.createVariables().putValue(TrainingVariables.SETTING_PHASE, phase)).toList();
    Set<String> ids = new HashSet<>();
    checks.evaluateEach(DECISION, inputs).forEach(result -> stages(result.getResultList()).forEach(stage -> ids.add(stage.id())));
    return ids;
  }

  private static List<Stage> stages(List<Map<String, Object>> rows) {
    List<Stage> stages = read(rows);
    List<String> problems = problems(stages);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join(" ", problems));
    }
    return stages;
  }

  /** The stages of one answer of the table, in their order. */
  static List<Stage> read(List<Map<String, Object>> rows) {
    List<Stage> stages = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      stages.add(new Stage(number(row.get("order")), text(row.get(TrainingVariables.STAGE_ID)), text(row.get(TrainingVariables.STAGE_NAME)),
          (String) row.get("consistsOf"), number(row.get("leadsToAttend")), flag(row.get("seniorLeaderRequired")),
          items(row.get("commitments")), items(row.get("sessionsToRecord")), flag(row.get("byInvitation")),
          text(row.get("prerequisite")), number(row.get("timescaleTerms")), flag(row.get("certificate")),
          flag(row.get("championRequired"))));
    }
    stages.sort(Comparator.comparingInt(Stage::order));
    return stages;
  }

  /**
   * What keeps a journey from following these stages, one sentence each (the deployment check tells coordinators
   * them): each stage has an id and a name, once, and a timescale. (A prerequisite may be any stage: a setting may
   * have completed it on an earlier journey.)
   */
  static List<String> problems(List<Stage> stages) {
    List<String> problems = new ArrayList<>();
    Set<String> earlier = new HashSet<>();
    for (Stage stage : stages) {
      if (stage.id() == null || stage.id().isBlank() || stage.name() == null || stage.name().isBlank()) {
        problems.add("A rule of the training-stages table has no stage id or name: give every stage both.");
        continue;
      }
      if (!earlier.add(stage.id())) {
        problems.add("The training-stages table offers the stage " + stage.id() + " twice to one phase: offer each stage"
            + " once.");
      }
      if (stage.timescaleTerms() < 1) {
        problems.add("The stage " + stage.id() + " has no timescale in terms: give it one term or more.");
      }
    }
    return problems;
  }

  private static String text(Object value) {
    return value instanceof String text && !text.isBlank() ? text : null;
  }

  private static List<String> items(Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(";")).map(String::strip).filter(item -> !item.isEmpty()).toList();
  }

  private static int number(Object value) {
    return value instanceof Number number ? number.intValue() : 0;
  }

  private static boolean flag(Object value) {
    return Boolean.TRUE.equals(value);
  }
}
