package org.rrp.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.circle.CircleVariables;
import org.rrp.workflow.conference.ConferenceVariables;
import org.rrp.workflow.referral.ReferralVariables;
import org.rrp.workflow.training.TrainingVariables;

/** A submission held to its form: undeclared variables and list cells dropped, values checked, nothing echoed. */
class FormSubmissionTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static final String STORED_PLAN = "[{\"what\":\"Meet\",\"owner\":\"Sky\",\"ownerEmail\":\"sky@example.org\","
      + "\"byWhen\":\"2026-12-20\"}]";

  @Test
  void dropsVariablesAndListCellsTheFormDoesNotDeclare() throws IOException {
    ObjectNode variables = JSON.valueToTree(Map.of(
        CaseVariables.CASE_OUTCOME, Map.of("value", "Settled", "type", "String"),
        CaseVariables.REFERRER_EMAIL, Map.of("value", "mallory@example.org", "type", "String"),
        CaseVariables.ACTION_PLAN, Map.of("type", "Json", "value", "[{\"done\":true,\"progress\":\"Met\",\"admin\":true}]")));

    FormSubmission submission = new FormSubmission(form("record-review-meeting"), stored(CaseVariables.ACTION_PLAN, STORED_PLAN));
    submission.hold(variables);

    assertThat(submission.problems()).isEmpty();
    assertThat(variables.has(CaseVariables.REFERRER_EMAIL)).isFalse();
    assertThat(submission.dropped()).contains(CaseVariables.REFERRER_EMAIL, CaseVariables.CASE_OUTCOME);
    assertThat(JSON.readTree(variables.path(CaseVariables.ACTION_PLAN).path("value").asText())).isEqualTo(JSON.readTree(
        "[{\"done\":true,\"progress\":\"Met\",\"what\":\"Meet\",\"owner\":\"Sky\",\"ownerEmail\":\"sky@example.org\","
        + "\"byWhen\":\"2026-12-20\"}]"));
  }

  @Test
  void aListsReadOnlyCellsKeepWhatIsStoredAndItsFixedRowsAreNeitherAddedNorRemoved() throws IOException {
    ObjectNode rewritten = JSON.valueToTree(Map.of(CaseVariables.ACTION_PLAN, Map.of("type", "Json", "value",
        "[{\"what\":\"Rewritten\",\"owner\":\"Mallory\",\"ownerEmail\":\"not-an-email\",\"byWhen\":\"1999-01-01\","
        + "\"done\":false}]")));
    FormSubmission submission = new FormSubmission(form("record-review-meeting"), stored(CaseVariables.ACTION_PLAN, STORED_PLAN));
    submission.hold(rewritten);
    assertThat(submission.problems()).isEmpty();
    assertThat(JSON.readTree(rewritten.path(CaseVariables.ACTION_PLAN).path("value").asText())).isEqualTo(JSON.readTree(
        STORED_PLAN.replace("}]", ",\"done\":false}]")));

    ObjectNode added = JSON.valueToTree(Map.of(CaseVariables.ACTION_PLAN, Map.of("type", "Json", "value",
        "[{\"done\":true},{\"what\":\"Injected\",\"owner\":\"X\"}]")));
    FormSubmission adding = new FormSubmission(form("record-review-meeting"), stored(CaseVariables.ACTION_PLAN, STORED_PLAN));
    adding.hold(added);
    assertThat(adding.problems()).containsExactly(
        "Rows cannot be added to or removed from the list \u201cActions agreed so far: for each, was it done?\u201d.");
    assertThat(added.toString()).contains("Injected"); // refused as a whole, nothing of it is kept

    ObjectNode first = JSON.valueToTree(Map.of(CaseVariables.ACTION_PLAN, Map.of("type", "Json", "value",
        "[{\"what\":\"Meet\",\"owner\":\"Sky\",\"done\":true}]")));
    ObjectNode notAList = JSON.valueToTree(Map.of(CaseVariables.ACTION_PLAN, Map.of("type", "Json", "value", "{\"what\":1}")));
    FormSubmission unreadable = new FormSubmission(form("record-review-meeting"), stored(CaseVariables.ACTION_PLAN, STORED_PLAN));
    unreadable.hold(notAList);
    assertThat(unreadable.problems()).containsExactly("Actions agreed so far: for each, was it done? could not be read.");

    FormSubmission nothingStored = new FormSubmission(form("record-review-meeting"));
    nothingStored.hold(first);
    assertThat(first.path(CaseVariables.ACTION_PLAN).path("value").asText()).as("read-only cells with nothing stored")
        .isEqualTo("[{\"done\":true}]");
  }

  @Test
  void theConferencesFollowUpRecordsWhatWasDoneAndCannotRewriteTheAgreementItself() throws IOException {
    ObjectNode rewritten = JSON.valueToTree(Map.of(CaseVariables.ACTION_PLAN, Map.of("type", "Json", "value",
        "[{\"what\":\"Rewritten\",\"owner\":\"Mallory\",\"ownerEmail\":\"mallory@example.org\",\"byWhen\":\"2027-01-01\","
        + "\"done\":true,\"progress\":\"Apologised in person\"}]")));
    FormSubmission submission = new FormSubmission(form("follow-up-conference-agreement"),
        stored(CaseVariables.ACTION_PLAN, STORED_PLAN));
    submission.hold(rewritten);

    assertThat(submission.problems()).isEmpty();
    assertThat(JSON.readTree(rewritten.path(CaseVariables.ACTION_PLAN).path("value").asText())).isEqualTo(JSON.readTree(
        STORED_PLAN.replace("}]", ",\"done\":true,\"progress\":\"Apologised in person\"}]")));
  }

  @Test
  void aValueOfAnotherKindThanItsFieldsIsRefusedWithoutRepeatingIt() throws IOException {
    ObjectNode variables = JSON.valueToTree(Map.of(
        CaseVariables.STOP_CASE, Map.of("value", "SECRET-true", "type", "String"),
        CaseVariables.STOP_REASON, Map.of("value", 12345),
        TrainingVariables.EVENT_PLACES, Map.of("value", 4294967297L, "type", "Integer")));
    FormSubmission submission = new FormSubmission(FormSchema.parse(
        Files.readString(Path.of("forms", "record-review-meeting.form")).replace("\"components\": [", "\"components\": ["
            + "{\"type\":\"number\",\"key\":\"" + TrainingVariables.EVENT_PLACES + "\",\"label\":\"Places\"},")));
    submission.hold(variables);

    assertThat(submission.problems()).containsExactlyInAnyOrder(
        "Stop the case early, e.g. the family has moved or the child has left the school could not be read.",
        "Why the case stops (recorded, and the referrer is told) could not be read.",
        "Places could not be read.");
    assertThat(String.join(" ", submission.problems())).doesNotContain("SECRET").doesNotContain("12345")
        .doesNotContain("4294967297");

    ObjectNode fitting = JSON.valueToTree(Map.of(CaseVariables.STOP_CASE, Map.of("value", true, "type", "Boolean"),
        CaseVariables.STOP_REASON, Map.of("value", "Moved away")));
    FormSubmission right = new FormSubmission(form("record-review-meeting"));
    right.hold(fitting);
    assertThat(right.problems()).isEmpty();
  }

  @Test
  void aRequiredFieldTheFormShowsMustBeInTheSubmissionNotOnlyStored() throws IOException {
    FormSubmission triage = new FormSubmission(form("triage-request"), name -> "an earlier value");
    ObjectNode notesOnly = JSON.valueToTree(Map.of(CaseVariables.TRIAGE_NOTES, Map.of("value", "Notes")));
    triage.hold(notesOnly);
    triage.requireFilled(notesOnly);
    assertThat(triage.problems()).containsExactly("Confirmed service must be filled in.", "Area must be filled in.");

    FormSubmission review = new FormSubmission(form("record-review-meeting"));
    ObjectNode notStopped = JSON.valueToTree(Map.of(CaseVariables.STOP_CASE, Map.of("value", false),
        CircleVariables.ASPIRATIONS, Map.of("value", " ")));
    review.requireFilled(notStopped);
    assertThat(review.problems()).contains("What everyone hopes for (aspirations) must be filled in.",
            "What is getting in the way (obstacles) must be filled in.")
        .noneMatch(problem -> problem.startsWith("Why the case stops"));

    FormSubmission stopped = new FormSubmission(form("record-review-meeting"));
    stopped.requireFilled(JSON.valueToTree(Map.of(CaseVariables.STOP_CASE, Map.of("value", true))));
    assertThat(stopped.problems()).containsExactly("Why the case stops (recorded, and the referrer is told) must be filled in.");

    FormSubmission unknown = new FormSubmission(form("record-review-meeting"));
    unknown.requireFilled(JSON.createObjectNode());
    assertThat(unknown.problems()).as("whether the form shows them is not known: the server's checks decide").isEmpty();
  }

  @Test
  void aFixedListIsNotEmptiedByANullAndAListIsTextOfRowsWhoseCellsAreOfTheirKind() throws IOException {
    for (Map<String, Object> emptied : List.<Map<String, Object>>of(Map.of("type", "Null"), Map.of("type", "Json"), Map.of())) {
      ObjectNode variables = JSON.valueToTree(Map.of(CaseVariables.ACTION_PLAN, emptied));
      FormSubmission submission = new FormSubmission(form("record-review-meeting"), stored(CaseVariables.ACTION_PLAN, STORED_PLAN));
      submission.hold(variables);
      assertThat(submission.problems()).as(emptied.toString()).containsExactly(
          "Rows cannot be added to or removed from the list \u201cActions agreed so far: for each, was it done?\u201d.");
    }

    String participants = "[{\"name\":\"Pat Example\",\"email\":\"pat@example.org\"}]";
    for (Map<String, Object> mistyped : List.<Map<String, Object>>of(Map.of("type", "Boolean", "value", participants),
        Map.of("type", "Json", "value", JSON.readTree(participants)), Map.of("type", "STRING", "value", participants))) {
      ObjectNode variables = JSON.valueToTree(Map.of(CircleVariables.PARTICIPANTS, mistyped));
      FormSubmission submission = new FormSubmission(form("arrange-initial-meeting"));
      submission.hold(variables);
      assertThat(submission.problems()).as(mistyped.toString()).singleElement().asString()
          .startsWith("Participants").doesNotContain("Pat");
    }

    ObjectNode cells = JSON.valueToTree(Map.of(CircleVariables.PARTICIPANTS, Map.of("type", "String",
        "value", "[{\"name\":12345,\"role\":true,\"email\":\"pat@example.org\"}]")));
    FormSubmission submission = new FormSubmission(form("arrange-initial-meeting"));
    submission.hold(cells);
    assertThat(submission.problems()).containsExactly("Participants: Name could not be read.",
        "Participants: Role, e.g. class teacher, parent, social worker could not be read.");

    ObjectNode done = JSON.valueToTree(Map.of(CaseVariables.ACTION_PLAN, Map.of("type", "Json", "value", "[{\"done\":1}]")));
    FormSubmission review = new FormSubmission(form("record-review-meeting"), stored(CaseVariables.ACTION_PLAN, STORED_PLAN));
    review.hold(done);
    assertThat(review.problems()).containsExactly("Actions agreed so far: for each, was it done?: Done could not be read.");
  }

  @Test
  void aWithdrawalLeftWithoutTheStopBoxDropsTheRecordOfAConferenceNeverHeld() throws IOException {
    ObjectNode variables = JSON.valueToTree(Map.of(
        ConferenceVariables.CONSENT_WITHDRAWN, Map.of("value", true),
        ConferenceVariables.CONFERENCE_HELD_ON, Map.of("value", "2026-03-20"),
        ConferenceVariables.WHAT_HAPPENED, Map.of("value", "A conference that never took place"),
        CaseVariables.ACTION_PLAN, Map.of("type", "Json", "value",
            "[{\"what\":\"Apologise\",\"owner\":\"Kit\",\"ownerEmail\":\"kit@example.org\",\"byWhen\":\"2026-03-27\"}]")));
    FormSubmission submission = new FormSubmission(form("record-conference"));
    submission.hold(variables);
    submission.requireFilled(variables);

    assertThat(variables.has(ConferenceVariables.CONFERENCE_HELD_ON)).as("hidden once consent is withdrawn").isFalse();
    assertThat(variables.has(ConferenceVariables.WHAT_HAPPENED)).isFalse();
    assertThat(variables.has(CaseVariables.ACTION_PLAN)).isFalse();
    assertThat(variables.has(ConferenceVariables.CONSENT_WITHDRAWN)).isTrue();
  }

  @Test
  void aRequiredFieldOfInvisibleCharactersIsNotFilledInAndAHiddenFieldsValueIsDropped() throws IOException {
    ObjectNode variables = JSON.valueToTree(Map.of(
        ReferralVariables.REFERRER_NAME, Map.of("value", "\u00a0\u200b"),
        ReferralVariables.LEGAL_STATUS, Map.of("value", "child-in-need-plan"),
        ReferralVariables.CARE_ENDED_ON, Map.of("value", "SECRET-not-a-date")));
    FormSubmission submission = new FormSubmission(form("request-support"));
    submission.hold(variables);
    submission.requireFilled(variables);

    assertThat(submission.problems()).contains("Your name must be filled in.");
    assertThat(variables.has(ReferralVariables.CARE_ENDED_ON)).as("the form hides it for this legal status").isFalse();
    assertThat(submission.dropped()).contains(ReferralVariables.CARE_ENDED_ON);
    assertThat(org.rrp.workflow.casework.FormInput.isBlank("\u00a0\u200b\t")).isTrue();
    assertThat(org.rrp.workflow.casework.FormInput.isBlank("\u00a0a")).isFalse();
  }

  @Test
  void theFormsHidingConditionsAreReadAsTheFormReadsThem() {
    Map<String, Object> values = Map.of("ticked", true, "unticked", false, "choice", "first");
    assertThat(FormConditions.evaluate("=ticked = true", values::get)).contains(true);
    assertThat(FormConditions.evaluate("=ticked != true", values::get)).contains(false);
    assertThat(FormConditions.evaluate("=not(ticked)", values::get)).contains(false);
    assertThat(FormConditions.evaluate("=unticked", values::get)).contains(false);
    assertThat(FormConditions.evaluate("=unticked = true or ticked = true", values::get)).contains(true);
    assertThat(FormConditions.evaluate("=choice != \"first\"", values::get)).contains(false);
    assertThat(FormConditions.evaluate("=choice = \"second\"", values::get)).contains(false);
    assertThat(FormConditions.evaluate("=unknown", values::get)).as("a value not known").isEmpty();
    assertThat(FormConditions.evaluate("=unknown = true or ticked = true", values::get))
        .as("a term that holds, whatever the unknown one").contains(true);
    assertThat(FormConditions.evaluate("=unknown = true or unticked = true", values::get))
        .as("none holds, one unknown").isEmpty();
    assertThat(FormConditions.evaluate("=count(list) > 2", values::get)).as("another shape").isEmpty();
    assertThat(FormConditions.evaluate("=choice", values::get)).as("text where a yes or no is read").isEmpty();
  }

  private static java.util.function.Function<String, Object> stored(String name, String json) {
    return variable -> variable.equals(name) ? json : null;
  }

  @Test
  void refusesJavaObjectsAndUnknownOptionsWithoutRepeatingThem() throws IOException {
    ObjectNode variables = JSON.valueToTree(Map.of(
        CaseVariables.SERVICE, Map.of("value", "evil-service", "type", "String"),
        CaseVariables.TRIAGE_NOTES, Map.of("value", "{}", "type", "Object", "valueInfo",
            Map.of("objectTypeName", "java.net.URL", "serializationDataFormat", "application/json"))));

    FormSubmission submission = new FormSubmission(form("triage-request"));
    submission.hold(variables);

    assertThat(submission.problems()).containsExactlyInAnyOrder("Confirmed service is not one of the options.",
        "Triage note cannot take a value of this kind.");
  }

  @Test
  void pausingATrainingJourneyNeedsNeitherTheEventNorTheAttendanceTheFormHidesThen() throws IOException {
    for (String id : List.of("book-training-event", "record-training-attendance")) {
      ObjectNode pausing = JSON.valueToTree(Map.of(TrainingVariables.PAUSE_JOURNEY, Map.of("value", true),
          TrainingVariables.PAUSE_REASON, Map.of("value", "Staff changes"), TrainingVariables.RESUME_BY, Map.of("value", "2099-01-01")));
      FormSubmission submission = new FormSubmission(form(id), name -> null);
      submission.hold(pausing);
      submission.requireFilled(pausing);
      assertThat(submission.problems()).as(id).isEmpty();
    }

    FormSubmission booking = new FormSubmission(form("book-training-event"), name -> null);
    booking.requireFilled(JSON.valueToTree(Map.of(TrainingVariables.PAUSE_JOURNEY, Map.of("value", false))));
    assertThat(booking.problems()).as("not pausing").containsExactly("The training event must be filled in.");
    FormSubmission attendance = new FormSubmission(form("record-training-attendance"), name -> null);
    attendance.requireFilled(JSON.valueToTree(Map.of(TrainingVariables.PAUSE_JOURNEY, Map.of("value", false))));
    assertThat(attendance.problems()).as("not pausing").containsExactly("Did the setting attend? must be filled in.");
  }

  private static FormSchema form(String id) throws IOException {
    return FormSchema.parse(Files.readString(Path.of("forms", id + ".form")));
  }
}
