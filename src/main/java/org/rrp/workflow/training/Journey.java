package org.rrp.workflow.training;

import static org.rrp.workflow.training.TrainingVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.rrp.workflow.casework.CaseFile;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.casework.JsonVariables;
import org.rrp.workflow.training.JourneyRecords.Lead;
import org.rrp.workflow.training.JourneyRecords.Stage;

/** Typed access to a journey's variables ({@link TrainingVariables}) from its listeners and delegates. */
final class Journey {

  private final VariableScope scope;
  private final CaseFile file;

  private Journey(VariableScope scope) {
    this.scope = scope;
    this.file = CaseFile.of(scope);
  }

  static Journey of(VariableScope scope) {
    return new Journey(scope);
  }

  String settingId() {
    return file.text(SETTING_ID);
  }

  String settingName() {
    return file.text(CaseVariables.SETTING_NAME);
  }

  String area() {
    return file.area();
  }

  List<Lead> leads() {
    return file.list(LEADS, Lead.class);
  }

  JourneyNotices.Setting setting() {
    return new JourneyNotices.Setting(settingId(), settingName(), leads());
  }

  List<Stage> catalogue() {
    return file.list(CATALOGUE, Stage.class);
  }

  List<String> completedStages() {
    return file.list(COMPLETED_STAGES, String.class);
  }

  /** The stages of the catalogue not completed yet, in order. */
  List<String> remainingStageIds() {
    List<String> completed = completedStages();
    return catalogue().stream().map(Stage::id).filter(id -> !completed.contains(id)).toList();
  }

  /** Fixes the stages the stages subprocess works: those not completed yet. */
  void fixStagesToWork() {
    scope.setVariable(STAGES_TO_WORK, JsonVariables.json(remainingStageIds()));
  }

  List<String> stagesToWork() {
    return file.list(STAGES_TO_WORK, String.class);
  }

  /** The stage being worked. */
  Stage stage() {
    String id = file.text(STAGE_ID);
    return stage(id).orElseThrow(() -> new IllegalStateException("The journey has no stage " + id));
  }

  Optional<Stage> stage(String id) {
    return catalogue().stream().filter(stage -> stage.id().equals(id)).findFirst();
  }

  /** The stage after the one being worked, if one remains. */
  Optional<Stage> nextStage() {
    List<String> remaining = stagesToWork();
    int at = remaining.indexOf(file.text(STAGE_ID));
    return at >= 0 && at + 1 < remaining.size() ? stage(remaining.get(at + 1)) : Optional.empty();
  }

  void recordCompleted(String stageId) {
    List<String> completed = new ArrayList<>(completedStages());
    if (!completed.contains(stageId)) {
      completed.add(stageId);
    }
    scope.setVariable(COMPLETED_STAGES, JsonVariables.json(completed));
  }

  String text(String name) {
    return file.text(name);
  }

  boolean flag(String name) {
    return file.flag(name);
  }
}
