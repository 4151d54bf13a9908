package org.rrp.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rrp.workflow.casework.CaseVariables;

/** A submission held to its form: undeclared variables and list cells dropped, values checked, nothing echoed. */
class FormSubmissionTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void dropsVariablesAndListCellsTheFormDoesNotDeclare() throws IOException {
    ObjectNode variables = JSON.valueToTree(Map.of(
        CaseVariables.CASE_OUTCOME, Map.of("value", "Settled", "type", "String"),
        CaseVariables.REFERRER_EMAIL, Map.of("value", "mallory@example.org", "type", "String"),
        CaseVariables.ACTION_PLAN, Map.of("type", "Json", "value", "[{\"what\":\"Meet\",\"owner\":\"Sky\",\"admin\":true}]")));

    FormSubmission submission = new FormSubmission(form("record-review-meeting"));
    submission.hold(variables);

    assertThat(submission.problems()).isEmpty();
    assertThat(variables.has(CaseVariables.REFERRER_EMAIL)).isFalse();
    assertThat(submission.dropped()).contains(CaseVariables.REFERRER_EMAIL, CaseVariables.CASE_OUTCOME);
    assertThat(variables.path(CaseVariables.ACTION_PLAN).path("value").asText()).isEqualTo("[{\"what\":\"Meet\",\"owner\":\"Sky\"}]");
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
        "Triage notes cannot take a value of this kind.");
  }

  private static FormSchema form(String id) throws IOException {
    return FormSchema.parse(Files.readString(Path.of("forms", id + ".form")));
  }
}
