package org.rrp.workflow.referral;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.springframework.stereotype.Component;

/**
 * Asks the coordinators' latest {@code area-by-district} decision table which area serves a district, to check a
 * request before it is saved. The table is evaluated as the engine evaluates it, by the engine's own DMN engine, but
 * as a parsed copy that is not the deployed decision: a check is not a decision, so it is not recorded in the
 * decision history. The case's area is decided, and recorded once, by the referral's <i>Determine area</i> step;
 * before, every request was recorded twice, which doubled the evaluations a coordinator's preview of a changed table
 * replays.
 */
@Component
class DistrictAreas {

  static final String DECISION = "area-by-district";

  private final RepositoryService repositoryService;
  private final DmnEngine dmnEngine;
  /** A deployed decision never changes, so its parsed copy is kept by its definition's id. */
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  DistrictAreas(ProcessEngine engine) {
    this.repositoryService = engine.getRepositoryService();
    this.dmnEngine = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngine();
  }

  Optional<String> areaOf(String district) {
    DecisionDefinition latest = WithoutAuthorization.call(() -> repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(DECISION).latestVersion().withoutTenantId().singleResult());
    if (latest == null) {
      return Optional.empty();
    }
    DmnDecision decision = parsed.computeIfAbsent(latest.getId(), id -> dmnEngine.parseDecision(DECISION,
        WithoutAuthorization.call(() -> repositoryService.getDmnModelInstance(id))));
    DmnDecisionResult result = dmnEngine.evaluateDecision(decision,
        Variables.putValue(ReferralVariables.SETTING_DISTRICT, district));
    return Optional.ofNullable(result.getSingleResult()).map(entries -> (String) entries.getEntry(CaseVariables.AREA));
  }
}
