package org.rrp.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rrp.workflow.notification.MailTemplates.model;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rrp.workflow.casework.Action;
import org.rrp.workflow.casework.CaseVariables;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every email template renders, with its subject, body and the shared footer; subjects never carry a name. */
class MailTemplatesTest {

  static final String CASE = "RRP-2026-0042";
  static final String TO = "jo.carer@example.org";

  final MailTemplates mail = new MailTemplates("http://rrp.example.org/tasklist/");

  @Test
  void acknowledgementQuotesTheCaseReference() {
    Notification received = mail.compose("request-received", CASE, "referrer", TO, Map.of());

    assertThat(received.subject()).isEqualTo("RRP request received: " + CASE);
    assertThat(received.body()).startsWith("Thank you for your request").contains("Its case reference is " + CASE + ".");
    assertThat(received.type()).isEqualTo("request-received");
    assertThat(received.to()).isEqualTo(TO);
  }

  @Test
  void declineGivesTheReasonAndSignposting() {
    Notification declined = mail.compose("request-declined", CASE, "referrer", TO,
        model("reason", "The child is over 18.", CaseVariables.SIGNPOSTING, "Adult services hub"));

    assertThat(declined.subject()).isEqualTo("RRP request " + CASE + ": outcome");
    assertThat(declined.body()).contains("because:\nThe child is over 18.\n").contains("Other services that may help:\nAdult services hub");
  }

  @Test
  void closureListsTheAgreedActionsAndOmitsEmptySignposting() {
    List<Action> actions = List.of(new Action("Meet at the gate", "Sky Teacher", "sky@example.org", "2026-03-20", true, null),
        new Action("Quiet space at lunch", "Lee Mentor", "lee@example.org", "2026-03-27", null, null));

    Notification closed = mail.compose("case-closed", CASE, "referrer", TO,
        model("outcome", "Settled.", CaseVariables.SIGNPOSTING, null, "actions", actions, "hasActions", true));

    assertThat(closed.subject()).isEqualTo("RRP case " + CASE + " closed");
    assertThat(closed.body()).contains("Outcome:\nSettled.\n")
        .contains("The actions agreed:\n- Meet at the gate (Sky Teacher, by 20/03/2026, done)\n"
            + "- Quiet space at lunch (Lee Mentor, by 27/03/2026)\n")
        .doesNotContain("Other services").contains("feedback");
  }

  @Test
  void closureWithoutActionsSaysNothingOfThem() {
    Notification closed = mail.compose("case-closed", CASE, "referrer", TO,
        model("outcome", "Advice given.", CaseVariables.SIGNPOSTING, "School nurse", "actions", List.of(), "hasActions", false));

    assertThat(closed.body()).doesNotContain("actions agreed").contains("Other services that may help:\nSchool nurse");
  }

  @Test
  void stoppedCaseGivesTheReason() {
    Notification stopped = mail.compose("case-stopped", CASE, "referrer", TO, model("reason", "The family moved away."));

    assertThat(stopped.subject()).isEqualTo("RRP case " + CASE + " stopped");
    assertThat(stopped.body()).contains("because:\nThe family moved away.");
  }

  @Test
  void allocationLinksToTasklist() {
    Notification allocated = mail.compose("case-allocated", CASE, "advisor", TO, model("serviceName", "Solution Focused Circle"));

    assertThat(allocated.subject()).isEqualTo("RRP case " + CASE + " allocated to you");
    assertThat(allocated.body()).contains("(Solution Focused Circle)").contains("http://rrp.example.org/tasklist/");
  }

  @Test
  void overdueAndEscalationNameTheTaskAndDueDate() {
    Map<String, Object> task = model("taskName", "Triage request", "caseLabel", "case " + CASE, "due",
        "Friday 20/03/2026 at 10:00", "holder", "assigned to alex");

    assertThat(mail.compose("task-overdue", CASE, "assignee", TO, task).subject())
        .isEqualTo("Overdue: Triage request (case " + CASE + ")");
    Notification escalated = mail.compose("task-escalated", CASE, "coordinator", TO, task);
    assertThat(escalated.subject()).isEqualTo("Escalation: Triage request (case " + CASE + ") is overdue");
    assertThat(escalated.body()).contains("assigned to alex").contains("Friday 20/03/2026 at 10:00");
  }

  @Test
  void meetingReminderNamesTheKindOfMeeting() {
    Notification reminder = mail.compose("meeting-reminder", CASE, "participant", TO, model("meeting",
        "Restorative Conference preparation meeting", "when", "Monday 09/03/2026 at 14:00", "venue", "Room 4",
        "bring", "Your notes"));

    assertThat(reminder.subject()).isEqualTo("Reminder: Restorative Conference preparation meeting, Monday 09/03/2026 at 14:00 (case " + CASE + ")");
    assertThat(reminder.body()).contains("reminder of the Restorative Conference preparation meeting for case " + CASE)
        .contains("Where: Room 4").contains("What to bring: Your notes");
  }

  @Test
  void actionDueSaysWhereItWasAgreed() {
    Notification due = mail.compose("action-due", CASE, "action owner", TO, model("agreedAt", "Solution Focused Circle",
        "due", "Friday 20/03/2026", "overdue", false, "what", "Meet at the gate", "owner", "Sky Teacher"));

    assertThat(due.subject()).isEqualTo("Action due: case " + CASE);
    assertThat(due.body()).contains("agreed at the Solution Focused Circle for case " + CASE
        + " is due today, Friday 20/03/2026, and is not yet recorded as done.").contains("Action: Meet at the gate");

    Notification late = mail.compose("action-due", CASE, "action owner", TO, model("agreedAt", "Solution Focused Circle",
        "due", "Saturday 21/03/2026", "overdue", true, "what", "Meet at the gate", "owner", "Sky Teacher"));
    assertThat(late.body()).as("an action due at a weekend, reminded on the Monday")
        .contains("for case " + CASE + " was due by Saturday 21/03/2026 and is not yet recorded as done.");
  }

  @ParameterizedTest
  @MethodSource("templates")
  void everyTemplateEndsWithTheSharedFooterAndHasASubjectLine(String template) throws IOException {
    String text = new String(new PathMatchingResourcePatternResolver().getResource("classpath:mail/" + template + ".mustache")
        .getInputStream().readAllBytes());

    assertThat(text.lines().findFirst()).get().asString().isNotBlank().doesNotContain(CaseVariables.CHILD_NAME);
    assertThat(text.lines().skip(1).findFirst()).as("a blank line after the subject").contains("");
    assertThat(text.strip()).endsWith("{{> footer}}");
  }

  @Test
  void aValueTheTemplateNeedsButIsNotGivenFailsTheRender() {
    assertThatThrownBy(() -> mail.compose("case-stopped", CASE, "referrer", TO, Map.of()))
        .hasMessageContaining("reason");
  }

  static Stream<String> templates() throws IOException {
    return Stream.of(new PathMatchingResourcePatternResolver().getResources("classpath:mail/*.mustache"))
        .map(Resource::getFilename).map(name -> name.replace(".mustache", "")).filter(name -> !name.equals("footer"));
  }
}
