package org.rrp.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A read-only field shows a variable (often what another person typed) and cannot change it: Tasklist sends its
 * value with the rest of the form, and the server drops it, for every read-only field of every form, in a group or
 * not. A list's read-only cells are held by {@code FormSubmissionTest}.
 */
class ReadOnlyFieldsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("forms")).filter(path -> path.toString().endsWith(".form")).sorted();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void aValueSentForAReadOnlyFieldIsDroppedAndTheStoredOneStands(Path file) throws IOException {
    List<String> readOnly = new ArrayList<>();
    readOnlyKeys(JSON.readTree(file.toFile()).path("components"), readOnly);
    ObjectNode variables = JSON.createObjectNode();
    readOnly.forEach(key -> variables.set(key, JSON.valueToTree(Map.of("value", "[changed](https://example.org/x)",
        "type", "String"))));

    FormSubmission submission = new FormSubmission(FormSchema.parse(Files.readString(file)), name -> "as stored");
    submission.hold(variables);

    assertThat(submission.problems()).isEmpty();
    assertThat(submission.dropped()).containsExactlyInAnyOrderElementsOf(readOnly);
    assertThat(variables.isEmpty()).as("nothing of the read-only fields is passed on").isTrue();
  }

  /** The keys of the form's read-only fields outside lists (a list's cells are the list's). */
  private static void readOnlyKeys(JsonNode components, List<String> keys) {
    for (JsonNode component : components) {
      if (component.path("readonly").asBoolean(false) && component.hasNonNull("key")) {
        keys.add(component.path("key").asText());
      } else if (component.has("components") && !"dynamiclist".equals(component.path("type").asText())) {
        readOnlyKeys(component.path("components"), keys);
      }
    }
  }
}
