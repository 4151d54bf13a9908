package org.rrp.workflow.casework;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The latest deployed decision table of a key, evaluated for a check and not recorded: a form's check that a district
 * is served or that a stage exists is not a decision of the case. The engine records every evaluation of a deployed
 * table in the decision history (Cockpit's decision instances, and what a coordinator's preview of a changed table
 * replays), so a check made through the decision service would be recorded beside the case's own decision, or as
 * many decisions for one check. Here the table is evaluated as the engine evaluates it, by the engine's own DMN
 * engine (the same expression languages and functions), but as a parsed copy, which the engine does not record.
 */
@Component
public class UnrecordedDecisions {

  private final ProcessEngine engine;
  private final DmnEngine dmnEngine;
  private final LatestDecisionTables<DmnDecision> parsed;

  UnrecordedDecisions(ProcessEngine engine) {
    this.engine = engine;
    this.dmnEngine = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngine();
    this.parsed = new LatestDecisionTables<>(engine, dmnEngine::parseDecision);
  }

  /** The result of the latest deployed table of the key (without a tenant); empty when none is deployed. */
  public Optional<DmnDecisionResult> evaluate(String decisionKey, VariableMap variables) {
    return parsed.latest(decisionKey).map(decision -> evaluated(decision, variables));
  }

  /** The results of one latest deployed table of the key for each of the inputs, in their order (looked up once). */
  public List<DmnDecisionResult> evaluateEach(String decisionKey, List<VariableMap> inputs) {
    return parsed.latest(decisionKey)
        .map(decision -> inputs.stream().map(variables -> evaluated(decision, variables)).toList())
        .orElse(List.of());
  }

  /**
   * Evaluated inside an engine command (the caller's, when it is in one): the engine's DMN engine reads the engine's
   * configuration from the command's context, the first time it evaluates.
   */
  private DmnDecisionResult evaluated(DmnDecision decision, VariableMap variables) {
    return WithoutAuthorization.call(engine, () -> dmnEngine.evaluateDecision(decision, variables));
  }
}
