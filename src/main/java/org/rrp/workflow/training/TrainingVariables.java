package org.rrp.workflow.training;

/**
 * The variables of the {@code training-journey} and {@code training-event} processes, named in one place. A journey
 * is not a child's case: its business key is the setting's identifier ({@link #SETTING_ID}). It shares only
 * {@code settingName} and {@code area} with the case ({@link org.rrp.workflow.casework.CaseVariables}), so the
 * Tasklist filters show the setting.
 */
public final class TrainingVariables {

  // Enrolment (start form enrol-setting)
  public static final String SETTING_ID = "settingId";                // String, e.g. the DfE URN; the business key
  public static final String SETTING_PHASE = "settingPhase";          // String, one of PHASES; the catalogue's input
  public static final String LEADS = "leads";                         // Json list of Lead: the setting's two leads
  public static final String SETTING_GROUP = "settingGroup";          // String setting-<id>: the leads' group

  // The journey
  public static final String CATALOGUE = "catalogue";                 // Json list of Stage, as at enrolment
  public static final String COMPLETED_STAGES = "completedStages";    // Json list of stage ids completed
  public static final String STAGES_TO_WORK = "stagesToWork";        // Json list of stage ids: the stages subprocess's
                                                                      // collection, fixed as the journey (re)enters it
  public static final String STAGE_ID = "stageId";                    // String, the stage being worked (MI element)
  public static final String STAGE_NAME = "stageName";                // String, shown in Tasklist and the forms
  public static final String STAGE_SUMMARY = "stageSummary";          // String, what the stage asks (forms' text)
  public static final String STAGE_DUE_ON = "stageDueOn";             // String YYYY-MM-DD: end of its timescale
                                                                      // (the forms show it as dd/mm/yyyy)
  public static final String STAGE_DUE_AT = "stageDueAt";             // Date: when the overdue reminder goes
  public static final String STAGE_BY_INVITATION = "stageByInvitation";    // Boolean, local to the stage
  public static final String STAGE_PREREQUISITE = "stagePrerequisite";     // String stage id, local to the stage
  public static final String STAGE_PREREQUISITE_NAME = "stagePrerequisiteName";
  public static final String STAGE_PREREQUISITE_MET = "stagePrerequisiteMet"; // Boolean, local to the stage
  public static final String STAGE_CHAMPION_REQUIRED = "stageChampionRequired"; // Boolean, local to the stage
  public static final String STAGE_OPENED = "stageOpened";            // Boolean: the opening decision was taken
  public static final String STAGE_ATTENDED = "stageAttended";        // Boolean: the attendance was recorded
  public static final String JOURNEY_END_REASON = "journeyEndReason";

  // Opening a stage by invitation, or after the prerequisite is evidenced as embedded
  public static final String EMBEDDING_EVIDENCE = "embeddingEvidence";
  public static final String STAGE_OPENING = "stageOpening";          // String, one of OPEN, EVIDENCE_AGAIN, DECLINE
  public static final String OPENING_NOTE = "openingNote";
  public static final String STAGE_OPENING_OPTIONS = "stageOpeningOptions"; // Json list of {label, value}, task-local
  public static final String OPEN = "open";
  public static final String EVIDENCE_AGAIN = "evidence-again";
  public static final String DECLINE = "decline";

  // Booking onto the training calendar
  public static final String STAGE_EVENTS = "stageEvents";            // Json list of {label, value}: the options
  public static final String TRAINING_EVENT = "trainingEvent";        // String, the chosen event's id
  public static final String BOOKING_STATUS = "bookingStatus";        // String, a TrainingCalendar.Status name
  public static final String TRAINING_EVENT_AT = "trainingEventAt";   // String, ISO date-time of the booked event

  // Attendance
  public static final String ATTENDEES = "attendees";                 // Json list of Attendee
  public static final String ATTENDANCE = "attendance";               // String, ATTENDED or PLACE_CANCELLED
  public static final String ATTENDED = "attended";
  public static final String PLACE_CANCELLED = "place-cancelled";

  // Evidence of commitments, follow-up workshops and sessions
  public static final String COMMITMENT_EVIDENCE = "commitmentEvidence";  // Json list of Commitment
  public static final String CHAMPION_NAME = "championName";
  public static final String CHAMPION_EMAIL = "championEmail";
  public static final String SESSIONS = "sessions";                   // Json list of Session
  public static final String EVIDENCE_ACCEPTED = "evidenceAccepted";  // Boolean
  public static final String EVIDENCE_NOTE = "evidenceNote";

  // Pausing and resuming
  public static final String PAUSE_JOURNEY = "pauseJourney";          // Boolean, a checkbox on the stage's forms
  public static final String PAUSE_REASON = "pauseReason";
  public static final String RESUME_BY = "resumeBy";                  // String YYYY-MM-DD: when to look again
  public static final String PAUSED_ON = "pausedOn";                  // String YYYY-MM-DD, shown as dd/mm/yyyy

  /** The certificate of a stage is the file variable {@code certificate-<stage id>}. */
  public static final String CERTIFICATE_PREFIX = "certificate-";

  // Adding an event to the calendar (start form add-training-event)
  public static final String EVENT_STAGE = "eventStage";
  public static final String EVENT_TITLE = "eventTitle";
  public static final String EVENT_STARTS_AT = "eventStartsAt";       // String, ISO date-time with offset
  public static final String EVENT_VENUE = "eventVenue";
  public static final String EVENT_PLACES = "eventPlaces";            // Long (a form number field)

  private TrainingVariables() {
  }

  static String certificate(String stageId) {
    return CERTIFICATE_PREFIX + stageId;
  }
}
