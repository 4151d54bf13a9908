package org.rrp.workflow.referral;

import java.util.Set;

/**
 * The variables only the {@code referral} process has, named in one place; the case's own (reference, service,
 * area, advisor, outcome, ...) are in {@link org.rrp.workflow.casework.CaseVariables}. Form field keys in
 * {@code forms/} and expressions in {@code processes/referral.bpmn} use these names.
 */
public final class ReferralVariables {

  // Who is asking (start form "Request RRP support")
  public static final String REFERRER_USER_ID = "referrerUserId";   // String, set by the engine (initiator)
  public static final String REFERRER_NAME = "referrerName";
  public static final String REFERRER_ROLE = "referrerRole";
  public static final String REFERRER_SETTING = "referrerSetting";

  // The child
  public static final String CHILD_DATE_OF_BIRTH = "childDateOfBirth"; // String YYYY-MM-DD
  public static final String CHILD_YEAR_GROUP = "childYearGroup";
  public static final String LEGAL_STATUS = "legalStatus";
  public static final String CARE_ENDED_ON = "careEndedOn";            // String YYYY-MM-DD, previously in care only

  // The setting and the request
  public static final String SETTING_DISTRICT = "settingDistrict";
  public static final String SERVICE_WANTED = "serviceWanted";
  public static final String TRAINED_FACILITATOR_IN_SCHOOL = "trainedFacilitatorInSchool"; // Boolean
  public static final String PARENT_CARER_AGREEMENT = "parentCarerAgreement";              // Boolean

  // Derived when the request is received (inputs of the eligibility table)
  public static final String CHILD_AGE_YEARS = "childAgeYears";       // Integer
  public static final String MONTHS_SINCE_CARE_ENDED = "monthsSinceCareEnded"; // Integer or null
  public static final String REQUEST_SUMMARY = "requestSummary";     // markdown for coordinators' forms

  // Eligibility (outputs of the eligibility table) and the coordinator's review
  public static final String ELIGIBLE = "eligible";                   // Boolean
  public static final String ELIGIBILITY_REASON = "eligibilityReason";
  public static final String INELIGIBLE_DECISION = "ineligibleDecision"; // override | decline
  public static final String OVERRIDE_REASON = "overrideReason";
  public static final String DECLINE_REASON = "declineReason";
  // Triage: why the confirmed service is not the one asked for (eligibility was decided for that one)
  public static final String SERVICE_CHANGE_REASON = "serviceChangeReason";

  // The advisor's work
  public static final String ADVICE_GIVEN = "adviceGiven";

  // Values
  public static final String PREVIOUSLY_IN_CARE = "previously-in-care";
  public static final Set<String> LEGAL_STATUSES = Set.of("child-in-need-plan", "child-protection-plan",
      "social-worker-assessed-need", "special-guardianship-order", "child-arrangement-order", "adoption-order",
      "kinship-care", PREVIOUSLY_IN_CARE, "none-of-these");

  public static final Set<String> REFERRER_ROLES = Set.of("designated-teacher", "designated-safeguarding-lead",
      "senco", "social-worker", "other");

  public static final Set<String> YEAR_GROUPS = Set.of("nursery", "reception", "year-1", "year-2", "year-3",
      "year-4", "year-5", "year-6", "year-7", "year-8", "year-9", "year-10", "year-11", "year-12", "year-13");

  public static final String OVERRIDE = "override";
  public static final String DECLINE = "decline";
  public static final Set<String> INELIGIBLE_DECISIONS = Set.of(OVERRIDE, DECLINE);

  private ReferralVariables() {
  }
}
