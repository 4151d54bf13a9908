package org.rrp.workflow.referral;

import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.springframework.stereotype.Component;

/** Asks the coordinators' {@code area-by-district} decision table which area serves a district. */
@Component
class DistrictAreas {

  static final String DECISION = "area-by-district";

  private final DecisionService decisionService;

  DistrictAreas(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  Optional<String> areaOf(String district) {
    DmnDecisionResult result = WithoutAuthorization.call(() -> decisionService.evaluateDecisionByKey(DECISION)
        .variables(Variables.putValue(ReferralVariables.SETTING_DISTRICT, district)).evaluate());
    return Optional.ofNullable(result.getSingleResult()).map(entries -> (String) entries.getEntry(CaseVariables.AREA));
  }
}
