package org.rrp.workflow.casework;

import java.util.Set;

/**
 * The variables every case carries, whatever service works it: named here once, read and written through
 * {@link CaseFile}. A process passes them on to the processes it calls under the same names (see the call
 * activities in {@code processes/}). Each process names its own further variables in its feature package
 * ({@code ReferralVariables}, {@code CircleVariables}, ...).
 */
public final class CaseVariables {

  // Identity of the case
  public static final String CASE_REFERENCE = "caseReference";        // String RRP-<year>-<nnnn>, also the business key
  public static final String SERVICE = "service";                     // String, one of SERVICES: the confirmed service
  public static final String AREA = "area";                           // String, the area group id (area-...)
  public static final String ADVISOR_ID = "advisorId";                // String, the allocated advisor's user id

  // What the services working the case need to know of it
  public static final String CHILD_NAME = "childName";
  public static final String SETTING_NAME = "settingName";
  public static final String DIFFICULTY = "difficulty";
  public static final String TRIAGE_NOTES = "triageNotes";
  public static final String REFERRER_EMAIL = "referrerEmail";        // who is told how the case ends

  // How the case ends
  public static final String CASE_OUTCOME = "caseOutcome";
  public static final String SIGNPOSTING = "signposting";
  public static final String ACTION_PLAN = "actionPlan";              // Json list of Action: the agreed actions

  // Stopping early (see CaseStop): the form field, its reason, and the record that it happened
  public static final String STOP_CASE = "stopCase";                  // Boolean, a checkbox on any stoppable form
  public static final String STOP_REASON = "stopReason";
  public static final String CASE_STOPPED = "caseStopped";            // Boolean, set when the case was stopped

  // The services a case can be triaged to (values of SERVICE)
  public static final String SOLUTION_FOCUSED_CIRCLE = "solution-focused-circle";
  public static final String RESTORATIVE_CONFERENCE = "restorative-conference";
  public static final String ADVICE_AND_GUIDANCE = "advice-and-guidance";
  public static final Set<String> SERVICES = Set.of(SOLUTION_FOCUSED_CIRCLE, RESTORATIVE_CONFERENCE, ADVICE_AND_GUIDANCE);

  private CaseVariables() {
  }
}
