package org.rrp.workflow.referral;

import static org.rrp.workflow.casework.CaseVariables.*;
import static org.rrp.workflow.referral.ReferralVariables.*;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** Requests for support as the start form submits them. Invented people, example.org addresses. */
public final class ReferralRequests {

  public static final String REFERRER_EMAIL_ADDRESS = "pat.referrer@example.org";

  private ReferralRequests() {
  }

  /** An eligible request for advice and guidance from a school in Tamworth (area East Staffs &amp; Tamworth). */
  public static VariableMap valid() {
    return Variables.createVariables()
        .putValue(REFERRER_NAME, "Pat Referrer")
        .putValue(REFERRER_ROLE, "designated-teacher")
        .putValue(REFERRER_SETTING, "Hollybank Primary")
        .putValue(REFERRER_EMAIL, REFERRER_EMAIL_ADDRESS)
        .putValue(CHILD_NAME, "Robin Testchild")
        .putValue(CHILD_DATE_OF_BIRTH, "2016-04-05")
        .putValue(CHILD_YEAR_GROUP, "year-5")
        .putValue(LEGAL_STATUS, "adoption-order")
        .putValue(SETTING_NAME, "Hollybank Primary")
        .putValue(SETTING_DISTRICT, "tamworth")
        .putValue(DIFFICULTY, "Finds the move between lessons hard; has walked out of class twice this term.")
        .putValue(SERVICE_WANTED, ADVICE_AND_GUIDANCE)
        .putValue(TRAINED_FACILITATOR_IN_SCHOOL, false)
        .putValue(PARENT_CARER_AGREEMENT, true);
  }

  /** Submits the request as Tasklist's start form does, to the latest referral model. */
  public static ProcessInstance submit(ProcessEngine engine, VariableMap request) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("referral")
        .latestVersion().singleResult().getId();
    return engine.getFormService().submitStartForm(definitionId, request);
  }

  /** A request the eligibility table turns down: nobody in the cohort. */
  public static VariableMap ineligible() {
    return valid().putValue(LEGAL_STATUS, "none-of-these");
  }
}
