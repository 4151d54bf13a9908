package org.rrp.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rrp.workflow.notification.MailTemplates.model;

import org.junit.jupiter.api.Test;

/** The Restorative Conference's emails render with subject, body and footer; subjects carry no name. */
class ConferenceMailTemplatesTest {

  static final String CASE = "RRP-2026-0042";
  static final String TO = "dana.harmed@example.org";

  final MailTemplates mail = new MailTemplates("http://rrp.example.org/tasklist/");

  @Test
  void consentReminderTellsAParticipantTheDeadlineAndThatTakingPartIsVoluntary() {
    Notification reminder = mail.compose("conference-consent-reminder", CASE, "participant", TO,
        model("due", "20/03/2026", "forAdvisor", false, "number", 2));

    assertThat(reminder.subject()).isEqualTo("Restorative Conference: consent needed by 20/03/2026, case " + CASE);
    assertThat(reminder.body()).contains("voluntary").contains("by 20/03/2026").doesNotContain("Participant 2")
        .endsWith("Relational & Restorative Practice\n");
  }

  @Test
  void consentReminderTellsTheAdvisorWhichParticipantIsOutstanding() {
    Notification reminder = mail.compose("conference-consent-reminder", CASE, "advisor", "alex@example.org",
        model("due", "20/03/2026", "forAdvisor", true, "number", 2));

    assertThat(reminder.body()).startsWith("Participant 2 of the Restorative Conference for case " + CASE)
        .doesNotContain("voluntary");
  }

  @Test
  void outcomeTellsThePersonHarmedWhetherTheAgreementWasKept() {
    Notification outcome = mail.compose("conference-outcome", CASE, "person harmed", TO,
        model("kept", "the agreement was kept", "message", "The school will keep checking in with you."));

    assertThat(outcome.subject()).isEqualTo("Restorative Conference follow-up: case " + CASE);
    assertThat(outcome.body()).contains("(case " + CASE + "):\nthe agreement was kept.")
        .contains("The school will keep checking in with you.").contains("RRP team, Virtual School");
  }

  @Test
  void feedbackRequestThanksParticipantsAndAsksForAReply() {
    Notification feedback = mail.compose("conference-feedback", CASE, "participant", TO, model());

    assertThat(feedback.subject()).isEqualTo("Restorative Conference: your feedback, case " + CASE);
    assertThat(feedback.body()).contains("Thank you for taking part").contains("reply to this email");
  }
}
