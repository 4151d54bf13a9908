package org.rrp.workflow.referral;

import java.util.Set;

/**
 * The variables of the {@code referral} process, named in one place. Form field keys in {@code forms/} and
 * expressions in {@code processes/referral.bpmn} use these names.
 */
public final class ReferralVariables {

  // Who is asking (start form "Request RRP support")
  public static final String REFERRER_USER_ID = "referrerUserId";   // String, set by the engine (initiator)
  public static final String REFERRER_NAME = "referrerName";
  public static final String REFERRER_ROLE = "referrerRole";
  public static final String REFERRER_SETTING = "referrerSetting";
  public static final String REFERRER_EMAIL = "referrerEmail";

  // The child
  public static final String CHILD_NAME = "childName";
  public static final String CHILD_DATE_OF_BIRTH = "childDateOfBirth"; // String YYYY-MM-DD
  public static final String CHILD_YEAR_GROUP = "childYearGroup";
  public static final String LEGAL_STATUS = "legalStatus";
  public static final String CARE_ENDED_ON = "careEndedOn";            // String YYYY-MM-DD, previously in care only

  // The setting and the request
  public static final String SETTING_NAME = "settingName";
  public static final String SETTING_DISTRICT = "settingDistrict";
  public static final String DIFFICULTY = "difficulty";
  public static final String SERVICE_WANTED = "serviceWanted";
  public static final String TRAINED_FACILITATOR_IN_SCHOOL = "trainedFacilitatorInSchool"; // Boolean
  public static final String PARENT_CARER_AGREEMENT = "parentCarerAgreement";              // Boolean

  // Derived when the request is received (inputs of the eligibility table)
  public static final String CASE_REFERENCE = "caseReference";        // also the business key
  public static final String CHILD_AGE_YEARS = "childAgeYears";       // Integer
  public static final String MONTHS_SINCE_CARE_ENDED = "monthsSinceCareEnded"; // Integer or null
  public static final String REQUEST_SUMMARY = "requestSummary";     // markdown for coordinators' forms

  // Eligibility (outputs of the eligibility table) and the coordinator's review
  public static final String ELIGIBLE = "eligible";                   // Boolean
  public static final String ELIGIBILITY_REASON = "eligibilityReason";
  public static final String INELIGIBLE_DECISION = "ineligibleDecision"; // override | decline
  public static final String OVERRIDE_REASON = "overrideReason";
  public static final String DECLINE_REASON = "declineReason";
  public static final String SIGNPOSTING = "signposting";

  // Triage and allocation
  public static final String SERVICE = "service";                     // confirmed service
  public static final String AREA = "area";                           // area group id
  public static final String TRIAGE_NOTES = "triageNotes";
  public static final String ADVISOR_ID = "advisorId";

  // The advisor's work
  public static final String ADVICE_GIVEN = "adviceGiven";
  public static final String CASE_OUTCOME = "caseOutcome";            // also the circle's outcome
  public static final String CASE_STOPPED = "caseStopped";            // Boolean, from the circle: stopped early
  public static final String STOP_REASON = "stopReason";
  public static final String ACTION_PLAN = "actionPlan";              // Json, from the circle: the agreed actions
  public static final String CONFERENCE_SUITABILITY = "conferenceSuitability"; // suitable | not-suitable
  public static final String SUITABILITY_NOTES = "suitabilityNotes";

  // Values
  public static final String SOLUTION_FOCUSED_CIRCLE = "solution-focused-circle";
  public static final String RESTORATIVE_CONFERENCE = "restorative-conference";
  public static final String ADVICE_AND_GUIDANCE = "advice-and-guidance";
  public static final Set<String> SERVICES = Set.of(SOLUTION_FOCUSED_CIRCLE, RESTORATIVE_CONFERENCE, ADVICE_AND_GUIDANCE);

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

  public static final Set<String> CONFERENCE_SUITABILITIES = Set.of("suitable", "not-suitable");

  private ReferralVariables() {
  }
}
