package org.rrp.workflow.conference;

import static org.rrp.workflow.conference.ConferenceVariables.GIVEN;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The consent rule: a conference is held only when every participant consented, a child alongside their parent
 * or carer; and it is held after the last consent, in the future. A plain service: it knows nothing of the engine.
 */
final class ConsentGate {

  private ConsentGate() {
  }

  /** Whether this participant's consent is given: their own and, for a child, their parent's or carer's too. */
  static boolean consentGiven(String own, String parentCarer, boolean child) {
    return GIVEN.equals(own) && (!child || GIVEN.equals(parentCarer));
  }

  /**
   * What is wrong with holding the conference at {@code conferenceAt}, if anything.
   *
   * @param everyoneConsentedAt when the last participant's consent was recorded
   */
  static Optional<String> conferenceTimeProblem(OffsetDateTime conferenceAt, Instant everyoneConsentedAt, Instant now) {
    if (!conferenceAt.toInstant().isAfter(everyoneConsentedAt)) {
      return Optional.of("The conference must be after every participant has consented.");
    }
    if (!conferenceAt.toInstant().isAfter(now)) {
      return Optional.of("The conference must be in the future.");
    }
    return Optional.empty();
  }
}
