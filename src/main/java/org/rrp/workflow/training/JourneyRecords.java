package org.rrp.workflow.training;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;

/** What a journey keeps as JSON lists: its catalogue, its leads, attendance, evidence and sessions. */
final class JourneyRecords {

  private JourneyRecords() {
  }

  /** One stage of the catalogue (a rule of the {@code training-stages} table). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
  record Stage(int order, String id, String name, String consistsOf, int leadsToAttend, boolean seniorLeaderRequired,
      List<String> commitments, List<String> sessionsToRecord, boolean byInvitation, String prerequisite,
      int timescaleTerms, boolean certificate, boolean championRequired) {

    Stage {
      commitments = commitments == null ? List.of() : List.copyOf(commitments);
      sessionsToRecord = sessionsToRecord == null ? List.of() : List.copyOf(sessionsToRecord);
      prerequisite = prerequisite == null || prerequisite.isBlank() ? null : prerequisite.strip();
    }
  }

  /** A setting lead, named at enrolment. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Lead(String name, String role, Boolean seniorLeader, String email) {
    boolean isSenior() {
      return Boolean.TRUE.equals(seniorLeader);
    }
  }

  /** Someone of the setting who attended a stage's training event. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Attendee(String name, String role, Boolean seniorLeader) {
    boolean isSenior() {
      return Boolean.TRUE.equals(seniorLeader);
    }
  }

  /** A commitment of the stage and the setting's evidence that it was met. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Commitment(String commitment, String evidence) {
  }

  /** A follow-up workshop or session of the stage: when it was held and whether the setting attended. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Session(String session, String heldOn, Boolean attended) {
    boolean isAttended() {
      return Boolean.TRUE.equals(attended);
    }
  }
}
