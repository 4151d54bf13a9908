package org.rrp.workflow.referral;

import static org.assertj.core.api.Assertions.assertThat;


import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.variable.Variables;
import org.rrp.workflow.DecisionTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rrp.workflow.casework.CaseVariables;

/** The {@code area-by-district} decision table in {@code processes/area-by-district.dmn}. */
class AreaByDistrictDecisionTest {

  private static final DecisionTable DECISION = DecisionTable.parse("area-by-district");

  @ParameterizedTest(name = "{0} is served by {1}")
  @CsvSource({
      "east-staffordshire,      area-east-staffs-tamworth",
      "tamworth,                area-east-staffs-tamworth",
      "cannock-chase,           area-cannock-lichfield",
      "lichfield,               area-cannock-lichfield",
      "stafford,                area-stafford-south-staffs",
      "south-staffordshire,     area-stafford-south-staffs",
      "newcastle-under-lyme,    area-newcastle-moorlands",
      "staffordshire-moorlands, area-newcastle-moorlands"})
  void districtIsServedByItsArea(String district, String area) {
    DmnDecisionTableResult result = evaluate(district);

    assertThat(result).hasSize(1);
    assertThat((String) result.getSingleResult().getEntry(CaseVariables.AREA)).isEqualTo(area);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"stoke-on-trent", "birmingham", "staffordshire"})
  @NullAndEmptySource
  void districtOutsideTheServiceGivesNoArea(String district) {
    DmnDecisionTableResult result = evaluate(district);

    assertThat(result.getResultList()).isEmpty();
  }

  private static DmnDecisionTableResult evaluate(String district) {
    return DECISION.evaluate(Variables.createVariables().putValue(ReferralVariables.SETTING_DISTRICT, district));
  }
}
