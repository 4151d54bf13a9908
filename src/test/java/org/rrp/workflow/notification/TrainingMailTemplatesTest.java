package org.rrp.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rrp.workflow.notification.MailTemplates.model;

import org.junit.jupiter.api.Test;
import org.rrp.workflow.training.TrainingVariables;
import org.rrp.workflow.casework.CaseVariables;

/** The training journey's emails render with their subject, body and footer; subjects name the setting's id only. */
class TrainingMailTemplatesTest {

  static final String SETTING = "100001";
  static final String TO = "pat.head@example.org";

  final MailTemplates mail = new MailTemplates("http://rrp.example.org/tasklist/");

  @Test
  void overdueStageTellsTheLeadsWhatIsStillToDo() {
    Notification overdue = mail.compose("training-stage-overdue", SETTING, "setting lead", TO,
        model(TrainingVariables.SETTING_ID, SETTING, CaseVariables.SETTING_NAME, "Brookfield Primary", TrainingVariables.STAGE_NAME, "Acceptance: Emotion Coaching",
            "dueOn", "11/06/2026", "stillToDo", "Evidence the commitments"));

    assertThat(overdue.subject()).isEqualTo("RRP training: stage past its timescale (setting 100001)");
    assertThat(overdue.body()).contains("\"Acceptance: Emotion Coaching\" was due to be completed by 11/06/2026")
        .contains("Still to do: Evidence the commitments").contains("http://rrp.example.org/tasklist/").contains("RRP team");
  }

  @Test
  void escalationGivesTheAdvisorTheLeadsToContact() {
    Notification escalated = mail.compose("training-stage-escalated", SETTING, "area advisor", "alex@example.org",
        model(TrainingVariables.SETTING_ID, SETTING, CaseVariables.SETTING_NAME, "Brookfield Primary", TrainingVariables.STAGE_NAME, "Awareness", "dueOn", "11/06/2026",
            "stillToDo", "Book a training event", "leadEmails", TO));

    assertThat(escalated.subject()).isEqualTo("RRP training: setting 100001 behind its timescale");
    assertThat(escalated.body()).contains("Brookfield Primary (setting 100001)").contains(TO);
  }

  @Test
  void placeOfferedSaysWhenAndWhere() {
    Notification offered = mail.compose("training-place-offered", SETTING, "setting lead", TO,
        model(TrainingVariables.SETTING_ID, SETTING, CaseVariables.SETTING_NAME, "Brookfield Primary", TrainingVariables.STAGE_NAME, "Awareness",
            TrainingVariables.EVENT_TITLE, "The Power of Connection", "when", "Friday 20/03/2026 at 09:30", "venue", "Online"));

    assertThat(offered.subject()).isEqualTo("RRP training: a place for setting 100001 on The Power of Connection");
    assertThat(offered.body()).contains("Friday 20/03/2026 at 09:30, at Online").contains("first on the waiting list");
  }

  @Test
  void aClosedWaitingListAsksTheLeadsToBookAnotherEvent() {
    Notification closed = mail.compose("training-waiting-list-closed", SETTING, "setting lead", TO,
        model(TrainingVariables.SETTING_ID, SETTING, CaseVariables.SETTING_NAME, "Brookfield Primary", TrainingVariables.STAGE_NAME, "Awareness",
            TrainingVariables.EVENT_TITLE, "The Power of Connection", "when", "Friday 20/03/2026 at 09:30"));

    assertThat(closed.subject()).isEqualTo("RRP training: no place came free for setting 100001 on The Power of Connection");
    assertThat(closed.body()).contains("began on Friday 20/03/2026 at 09:30").contains("book another event of the stage \"Awareness\"")
        .contains("http://rrp.example.org/tasklist/");
  }

  @Test
  void certificateNamesTheNextStageOrTheEndOfTheJourney() {
    Notification next = mail.compose("training-certificate", SETTING, "setting lead", TO, model(TrainingVariables.SETTING_ID, SETTING,
        CaseVariables.SETTING_NAME, "Brookfield Primary", TrainingVariables.STAGE_NAME, "Awareness", "completedOn", "20/04/2026", "nextStage", "Acceptance"));
    Notification last = mail.compose("training-certificate", SETTING, "setting lead", TO, model(TrainingVariables.SETTING_ID, SETTING,
        CaseVariables.SETTING_NAME, "Brookfield Primary", TrainingVariables.STAGE_NAME, "Student Ambassador programme", "completedOn", "20/04/2026",
        "nextStage", null));

    assertThat(next.subject()).isEqualTo("RRP training certificate: Awareness (setting 100001)");
    assertThat(next.body()).contains("completed the training stage \"Awareness\" on 20/04/2026")
        .contains("Your next stage, \"Acceptance\", is now open");
    assertThat(last.body()).contains("This was the last stage").doesNotContain("next stage");
  }

  @Test
  void endedJourneyGivesTheReason() {
    Notification ended = mail.compose("training-journey-ended", SETTING, "setting lead", TO, model(TrainingVariables.SETTING_ID, SETTING,
        CaseVariables.SETTING_NAME, "Brookfield Primary", TrainingVariables.STAGE_NAME, "Senior leadership", "reason", "Not offered this year."));

    assertThat(ended.subject()).isEqualTo("RRP training journey of setting 100001 ended");
    assertThat(ended.body()).contains("because:\nNot offered this year.").contains("enrol again");
  }
}
