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
 * Every text field of every form declares the maximum length the browser enforces, within what the engine can
 * store, and the server holds a submission to that same limit.
 */
class FormLimitsTest {

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("forms")).filter(path -> path.toString().endsWith(".form")).sorted();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void everyTextFieldDeclaresAMaximumLengthTheEngineCanStore(Path form) throws IOException {
    List<String> missing = new ArrayList<>();
    walk(new ObjectMapper().readTree(form.toFile()).path("components"), missing);
    assertThat(missing).as("text fields without validate.maxLength (at most " + FormSchema.TEXT_LIMIT + ")").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void serverRefusesTextOneCharacterOverTheFormsLimit(Path form) throws IOException {
    FormSchema schema = FormSchema.parse(Files.readString(form));
    for (FormSchema.Field field : schema.fields().values()) {
      if (FormSchema.TEXT_TYPES.contains(field.type()) && field.options() == null) {
        assertThat(problems(schema, field.key(), "x".repeat(field.maxLength()))).isEmpty();
        assertThat(problems(schema, field.key(), "x".repeat(field.maxLength() + 1)))
            .containsExactly(field.label() + " is longer than " + field.maxLength() + " characters.");
      }
    }
  }

  private static List<String> problems(FormSchema schema, String key, String value) {
    ObjectNode variables = new ObjectMapper().valueToTree(Map.of(key, Map.of("value", value, "type", "String")));
    FormSubmission submission = new FormSubmission(schema);
    submission.hold(variables);
    return submission.problems();
  }

  private static void walk(JsonNode components, List<String> missing) {
    for (JsonNode component : components) {
      if (FormSchema.TEXT_TYPES.contains(component.path("type").asText())) {
        JsonNode maxLength = component.path("validate").path("maxLength");
        if (!maxLength.isInt() || maxLength.asInt() > FormSchema.TEXT_LIMIT) {
          missing.add(component.path("id").asText());
        }
      }
      walk(component.path("components"), missing);
    }
  }
}
