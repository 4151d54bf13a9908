package org.rrp.workflow.conference;

import java.util.Set;

/**
 * The variables only the {@code restorative-conference} process has, named in one place. The call activity in
 * {@code referral.bpmn} passes the case's own variables in ({@link org.rrp.workflow.casework.CaseVariables}) and takes
 * the outcome back (caseOutcome, signposting, caseStopped, stopReason, actionPlan, and {@link #ALTERNATIVE_SERVICE}).
 * Form field keys in {@code forms/} and expressions in {@code processes/restorative-conference.bpmn} use these names.
 */
public final class ConferenceVariables {

  // Suitability and risk (first task)
  public static final String CONFERENCE_SUITABLE = "conferenceSuitable";           // suitable | not-suitable
  public static final String RESPONSIBILITY_ACCEPTED = "responsibilityAccepted";   // Boolean
  public static final String RISK_MANAGED = "riskManaged";                         // Boolean: no unmanaged risk
  public static final String CO_FACILITATOR_NEEDED = "coFacilitatorNeeded";        // Boolean
  public static final String CO_FACILITATOR = "coFacilitator";                     // String, name of the co-facilitator
  public static final String SUITABILITY_NOTES = "suitabilityNotes";

  // The participants and the consent gate
  public static final String PARTICIPANTS = "conferenceParticipants";  // Json list of Participant
  public static final String PARTICIPANT_OPTIONS = "participantOptions"; // Json list of {label, value}, for checklists
  public static final String CONSENT_REQUESTED_AT = "consentRequestedAt"; // String ISO date-time: consent deadlines count from it

  // Local to one participant's preparation (an instance of the multi-instance subprocess)
  public static final String PARTICIPANT_NUMBER = "participantNumber"; // Integer 1..n, the element variable
  public static final String PARTICIPANT_NAME = "participantName";
  public static final String PARTICIPANT_ROLE = "participantRole";     // the role's label
  public static final String PARTICIPANT_IS_CHILD = "participantIsChild"; // Boolean, shown by the consent form
  public static final String PARENT_CARER_NAME = "parentCarerName";
  public static final String PREPARATION_MEETING_ON = "preparationMeetingOn"; // String YYYY-MM-DD
  public static final String PREPARATION_NOTES = "preparationNotes";
  public static final String CONSENT = "consent";                       // given | refused: the participant's own
  public static final String PARENT_CARER_CONSENT = "parentCarerConsent"; // given | refused: for a child only
  public static final String CONSENT_COMMENT = "consentComment";         // only reasons they chose to give
  public static final String CONSENT_GIVEN = "consentGiven";             // Boolean, set by the server check

  // Withdrawal and the route when no conference is held
  public static final String CONSENT_WITHDRAWN = "consentWithdrawn";     // Boolean, a checkbox on the advisor's forms
  public static final String NOT_HELD_REASON = "conferenceNotHeldReason"; // what the team needs to know, no more
  public static final String ALTERNATIVE_SERVICE = "alternativeService";  // solution-focused-circle | advice-and-guidance | none

  // Arranging and recording the conference
  public static final String CONFERENCE_HELD_ON = "conferenceHeldOn";   // String YYYY-MM-DD: when it took place
  public static final String CONFERENCE_AT = "conferenceAt";             // String ISO date-time with offset
  public static final String CONFERENCE_VENUE = "conferenceVenue";
  public static final String CONFERENCE_ATTENDEES = "conferenceAttendees"; // Json list of participant numbers (text)
  public static final String OTHER_ATTENDEES = "otherAttendees";
  public static final String WHAT_TO_BRING = "conferenceWhatToBring";
  public static final String WHAT_HAPPENED = "whatHappened";
  public static final String WHO_WAS_AFFECTED = "whoWasAffected";
  public static final String AGREED_BY = "agreedBy";                     // Json list of participant numbers (text)
  public static final String FOLLOW_UP_ON = "followUpOn";                // String YYYY-MM-DD

  // Follow-up
  public static final String AGREEMENT_KEPT = "agreementKept";           // kept | partly-kept | not-kept
  public static final String FOLLOW_UP_NOTES = "followUpNotes";
  public static final String OUTCOME_FOR_PERSON_HARMED = "outcomeForPersonHarmed";

  // Values
  public static final String SUITABLE = "suitable";
  public static final String NOT_SUITABLE = "not-suitable";
  public static final Set<String> SUITABILITY_ANSWERS = Set.of(SUITABLE, NOT_SUITABLE);
  public static final String GIVEN = "given";
  public static final String REFUSED = "refused";
  public static final Set<String> CONSENT_ANSWERS = Set.of(GIVEN, REFUSED);
  public static final String NO_ALTERNATIVE = "none";
  /** What {@link #NOT_HELD_REASON} says when consent was withdrawn, or a conference was not suitable. */
  public static final String WITHDRAWN_REASON = "Consent was withdrawn before the conference was held.";
  public static final String NOT_SUITABLE_REASON = "A conference was not suitable for this case.";
  public static final Set<String> AGREEMENT_KEPT_ANSWERS = Set.of("kept", "partly-kept", "not-kept");

  private ConferenceVariables() {
  }
}
