package org.rrp.workflow.circle;

/**
 * The variables of the {@code solution-circle} process, named in one place. The call activity in
 * {@code referral.bpmn} passes the case's variables in (caseReference, advisorId, area, childName, settingName,
 * difficulty, triageNotes) and takes the outcome back (caseOutcome, signposting, caseStopped, stopReason,
 * actionPlan, resolved).
 */
public final class CircleVariables {

  // Arranging a meeting
  public static final String INITIAL_MEETING_AT = "initialMeetingAt"; // String, ISO date-time with offset
  public static final String MEETING_VENUE = "meetingVenue";
  public static final String PARTICIPANTS = "participants";           // Json list of Participant
  public static final String CHILD_ATTENDS = "childAttends";          // Boolean
  public static final String WHAT_TO_BRING = "whatToBring";

  // Recording the initial meeting, in its four parts
  public static final String ISSUE_INTRODUCED = "issueIntroduced";
  public static final String CLARIFICATION = "clarification";
  public static final String SUGGESTIONS = "suggestions";
  public static final String ACTION_PLAN = "actionPlan";              // Json list of Action
  public static final String CHILDS_VIEW = "childsView";

  // Reviews (at most two)
  public static final String REVIEW_NUMBER = "reviewNumber";          // Integer 1 or 2, local to a review
  public static final String REVIEW_MEETING_AT = "reviewMeetingAt";
  public static final String REVIEW_VENUE = "reviewVenue";
  public static final String NEW_ACTIONS = "newActions";              // Json list of Action, merged into the plan
  public static final String ASPIRATIONS = "aspirations";
  public static final String AIDS = "aids";
  public static final String OBSTACLES = "obstacles";
  public static final String RESOLVED = "resolved";                   // Boolean: the reviews' completion condition
  public static final String REVIEW_RECORDS = "reviewRecords";        // Json list of ReviewRecord

  // Closing, or stopping early
  public static final String STOP_CASE = "stopCase";                  // Boolean, ticked on any circle form
  public static final String STOP_REASON = "stopReason";
  public static final String CASE_STOPPED = "caseStopped";            // Boolean, set when the advisor stopped the case

  /** BPMN error that ends the circle early from any of its tasks. */
  public static final String CASE_STOPPED_ERROR = "CASE_STOPPED";

  private CircleVariables() {
  }
}
