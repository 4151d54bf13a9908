package org.rrp.workflow.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rrp.workflow.conference.ConferenceVariables.GIVEN;
import static org.rrp.workflow.conference.ConferenceVariables.REFUSED;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rrp.workflow.casework.Action;
import org.rrp.workflow.casework.FormInput;
import org.rrp.workflow.casework.InvalidInputException;

/** The consent gate and the roster's rules, as plain services (no engine). */
class ConsentRulesTest {

  static final Participant HARMED_CHILD = new Participant("Kit Pupil", Participant.PERSON_HARMED, "kit@example.org", true,
      "Lou Parent", "lou@example.org");
  static final Participant CAUSED_HARM = new Participant("Lee Caused", Participant.PERSON_WHO_CAUSED_HARM, "lee@example.org",
      null, null, null);

  @Test
  void anAdultConsentsAloneAChildOnlyWithTheirParentOrCarer() {
    assertThat(ConsentGate.consentGiven(GIVEN, null, false)).isTrue();
    assertThat(ConsentGate.consentGiven(REFUSED, null, false)).isFalse();
    assertThat(ConsentGate.consentGiven(GIVEN, GIVEN, true)).isTrue();
    assertThat(ConsentGate.consentGiven(GIVEN, REFUSED, true)).isFalse();
    assertThat(ConsentGate.consentGiven(REFUSED, GIVEN, true)).isFalse();
    assertThat(ConsentGate.consentGiven(GIVEN, null, true)).isFalse();
  }

  @Test
  void theConferenceIsAfterTheLastConsentAndInTheFuture() {
    Instant consented = Instant.parse("2026-03-06T10:00:00Z");
    Instant now = Instant.parse("2026-03-09T10:00:00Z");
    assertThat(ConsentGate.conferenceTimeProblem(OffsetDateTime.parse("2026-03-06T09:00Z"), consented, now))
        .contains("The conference must be after every participant has consented.");
    assertThat(ConsentGate.conferenceTimeProblem(OffsetDateTime.parse("2026-03-08T09:00Z"), consented, now))
        .contains("The conference must be in the future.");
    assertThat(ConsentGate.conferenceTimeProblem(OffsetDateTime.parse("2026-03-25T10:00Z"), consented, now)).isEmpty();
  }

  @Test
  void aRosterNeedsThePersonHarmedAndThePersonWhoCausedHarmAndAParentForEachChild() {
    assertThat(new Roster(List.of(HARMED_CHILD, CAUSED_HARM)).problems()).isEmpty();
    assertThat(new Roster(List.of()).problems()).containsExactly("Name at least one participant.");
    assertThat(new Roster(List.of(CAUSED_HARM)).problems()).containsExactly("Name the person harmed.");
    Participant childWithoutParent = new Participant("Kit Pupil", Participant.PERSON_HARMED, "kit@example.org", true, " ",
        "not-an-email");
    assertThat(new Roster(List.of(childWithoutParent, CAUSED_HARM)).problems()).containsExactly(
        "Participant 1 is a child: name the parent or carer who consents alongside them.",
        "Participant 1 is a child: their parent or carer needs a valid email address.");
    Participant unknownRole = new Participant("Sam Other", "neighbour", "sam@example.org", false, null, null);
    assertThat(new Roster(List.of(HARMED_CHILD, CAUSED_HARM, unknownRole)).problems())
        .containsExactly("Participant 3 needs a role from the list.");
  }

  @Test
  void actionsOfTheAgreementKeepTheFormsLengthsAndAreNotDueBeforeTheConference() {
    FormInput input = new FormInput(null);
    Texts.checkActions(List.of(
        new Action("Say sorry", "x".repeat(201), "lee@example.org", "2026-03-27", null, null),
        new Action("Say sorry", "Lee Caused", "lee@example.org", "2026-03-20", true, "y".repeat(4001))),
        LocalDate.of(2026, 3, 25), input);

    assertThatThrownBy(input::rejectIfInvalid).isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(
        ((InvalidInputException) e).getProblems()).containsExactly(
            "Action 1: the owner's name is longer than 200 characters.",
            "Action 2: what happened is longer than 4000 characters.",
            "Action 2 is due before the conference that agreed it."));
  }

  @Test
  void everyoneIsWrittenToOnceAndThePersonHarmedIsToldTheOutcomeWithTheirParent() {
    Participant sameEmailTwice = new Participant("Sky Teacher", "staff", "lee@example.org", false, null, null);
    Roster roster = new Roster(List.of(HARMED_CHILD, CAUSED_HARM, sameEmailTwice));

    assertThat(roster.everyoneEmails()).containsExactly("kit@example.org", "lou@example.org", "lee@example.org");
    assertThat(roster.personHarmedEmails()).containsExactly("kit@example.org", "lou@example.org");
    assertThat(roster.numbers()).containsExactly(1, 2, 3);
    assertThat(roster.isNamed("3")).isTrue();
    assertThat(roster.isNamed("4")).isFalse();
    assertThat(roster.isNamed("one")).isFalse();
    assertThat(roster.options().get(0)).containsEntry("label", "1. Kit Pupil (Person harmed)").containsEntry("value", "1");
  }
}
