package org.rrp.workflow.referral;

import java.util.Optional;

import org.camunda.bpm.engine.variable.Variables;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.casework.UnrecordedDecisions;
import org.springframework.stereotype.Component;

/**
 * Asks the coordinators' latest {@code area-by-district} decision table which area serves a district, to check a
 * request before it is saved. The check is not recorded as a decision ({@link UnrecordedDecisions}): the case's area
 * is decided, and recorded once, by the referral's <i>Determine area</i> step.
 */
@Component
class DistrictAreas {

  static final String DECISION = "area-by-district";

  private final UnrecordedDecisions decisions;

  DistrictAreas(UnrecordedDecisions decisions) {
    this.decisions = decisions;
  }

  Optional<String> areaOf(String district) {
    return decisions.evaluate(DECISION, Variables.putValue(ReferralVariables.SETTING_DISTRICT, district))
        .map(result -> result.getSingleResult())
        .map(entries -> (String) entries.getEntry(CaseVariables.AREA));
  }
}
