package org.rrp.workflow.circle;

/**
 * The variables only the {@code solution-circle} process has, named in one place. The call activity in
 * {@code referral.bpmn} passes the case's own variables in ({@link org.rrp.workflow.casework.CaseVariables}) and
 * takes the outcome back (caseOutcome, signposting, caseStopped, stopReason, actionPlan, and {@link #RESOLVED}).
 * The action plan is the case's ({@code CaseVariables.ACTION_PLAN}).
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
  public static final String CHILDS_VIEW = "childsView";
  public static final String INITIAL_MEETING_HELD_ON = "initialMeetingHeldOn"; // String YYYY-MM-DD: when it took place

  // Reviews (at most two)
  public static final String REVIEW_NUMBER = "reviewNumber";          // Integer 1 or 2, local to a review
  public static final String REVIEW_MEETING_AT = "reviewMeetingAt";
  public static final String REVIEW_VENUE = "reviewVenue";
  public static final String REVIEW_MEETING_HELD_ON = "reviewMeetingHeldOn"; // String YYYY-MM-DD, also in its ReviewRecord
  public static final String NEW_ACTIONS = "newActions";              // Json list of Action, merged into the plan
  public static final String ASPIRATIONS = "aspirations";
  public static final String AIDS = "aids";
  public static final String OBSTACLES = "obstacles";
  public static final String RESOLVED = "resolved";                   // Boolean: the reviews' completion condition
  public static final String REVIEW_RECORDS = "reviewRecords";        // Json list of ReviewRecord

  private CircleVariables() {
  }
}
