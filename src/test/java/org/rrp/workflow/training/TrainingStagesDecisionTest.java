package org.rrp.workflow.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rrp.workflow.DecisionTable;

/** The default stage catalogue, {@code processes/training-stages.dmn}: the seeds' stages, in order, as shipped. */
class TrainingStagesDecisionTest {

  private static final DecisionTable DECISION = DecisionTable.parse(StageCatalogue.DECISION);

  @ParameterizedTest(name = "a {0} setting takes all five stages in order")
  @ValueSource(strings = {"primary", "secondary", "special"})
  void schoolsTakeTheFiveStagesInOrder(String phase) {
    assertThat(stages(phase)).extracting(row -> row.get(TrainingVariables.STAGE_ID)).containsExactly("awareness", "acceptance",
        "rrp-education", "rrp-senior-leadership", "student-ambassadors");
  }

  @Test
  void earlyYearsSettingsAreNotOfferedStudentAmbassadors() {
    assertThat(stages("early-years")).extracting(row -> row.get(TrainingVariables.STAGE_ID)).doesNotContain("student-ambassadors")
        .hasSize(4);
  }

  @Test
  void awarenessNeedsTwoLeadsOneSeniorAndOneTermAndEndsInACertificate() {
    Map<String, Object> awareness = stage("awareness");
    assertThat(awareness).containsEntry(TrainingVariables.STAGE_NAME, "Awareness: The Power of Connection")
        .containsEntry("leadsToAttend", 2).containsEntry("seniorLeaderRequired", true)
        .containsEntry("timescaleTerms", 1).containsEntry("certificate", true).containsEntry("byInvitation", false);
  }

  @Test
  void acceptanceCommitsTheLeadsToCascadeInThreeCpdSessionsOverTwoTerms() {
    assertThat((String) stage("acceptance").get("commitments")).contains("3 x 1.5-hour CPD sessions");
    assertThat(stage("acceptance")).containsEntry("timescaleTerms", 2);
  }

  @Test
  void seniorLeadershipTrainingIsByInvitationOnly() {
    assertThat(stage("rrp-senior-leadership")).containsEntry("byInvitation", true);
    assertThat(stage("rrp-education")).containsEntry("byInvitation", false);
  }

  @Test
  void studentAmbassadorsNeedTheRrpTrainingEmbeddedFiveSessionsAndAChampion() {
    Map<String, Object> ambassadors = stage("student-ambassadors");
    assertThat(ambassadors).containsEntry("prerequisite", "rrp-education").containsEntry("championRequired", true);
    assertThat(((String) ambassadors.get("sessionsToRecord")).split(";")).hasSize(5);
  }

  @Test
  void theShippedCatalogueKeepsTheRulesAJourneyNeedsAndABrokenOneIsToldWhatToCorrect() {
    StageCatalogueRules rules = new StageCatalogueRules();
    List<List<Map<String, Object>>> answers = rules.inputs().stream()
        .map(input -> DECISION.evaluate(Variables.fromMap(input)).getResultList()).toList();
    assertThat(rules.problems(answers)).as("the shipped catalogue").isEmpty();

    List<Map<String, Object>> broken = new java.util.ArrayList<>(stages("primary").stream()
        .map(row -> (Map<String, Object>) new java.util.HashMap<>(row)).toList());
    broken.get(0).put(TrainingVariables.STAGE_NAME, " ");
    broken.get(1).put("timescaleTerms", 0);
    broken.add(new java.util.HashMap<>(broken.get(2)));
    assertThat(rules.problems(List.of(broken, broken))).as("each told once, though two phases take them").containsExactly(
        "A rule of the training-stages table has no stage id or name: give every stage both.",
        "The stage acceptance has no timescale in terms: give it one term or more.",
        "The training-stages table offers the stage rrp-education twice to one phase: offer each stage once.");
  }

  private static List<Map<String, Object>> stages(String phase) {
    return DECISION.evaluate(Variables.createVariables().putValue(TrainingVariables.SETTING_PHASE, phase)).getResultList()
        .stream().sorted(Comparator.comparingInt(row -> ((Number) row.get("order")).intValue())).toList();
  }

  private static Map<String, Object> stage(String id) {
    return stages("primary").stream().filter(row -> id.equals(row.get(TrainingVariables.STAGE_ID))).findFirst().orElseThrow();
  }
}
