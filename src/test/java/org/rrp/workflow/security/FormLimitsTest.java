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
 * Every text field of every form declares the maximum length the browser enforces: 200 characters for a line (a
 * text field), 4,000 for a text area (what the engine can store), and the server holds a submission to that same
 * limit. The exceptions are deliberate and listed: a setting's identifier is shorter (its pattern allows 3 to 20
 * characters), and a read-only line shows the server's text (a stage catalogue's commitment, an action agreed
 * earlier), which the person cannot type into: at most 4,000.
 */
class FormLimitsTest {

  static final int LINE = 200;
  static final int TEXT_AREA = FormSchema.TEXT_LIMIT;
  /** Lines with a limit of their own: the setting's identifier, 3 to 20 letters, digits or hyphens. */
  static final Map<String, Integer> SHORTER_LINES = Map.of("Field_settingId", 20);

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("forms")).filter(path -> path.toString().endsWith(".form")).sorted();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void everyLineTakes200CharactersAndEveryTextArea4000(Path form) throws IOException {
    List<String> missing = new ArrayList<>();
    walk(new ObjectMapper().readTree(form.toFile()).path("components"), missing);
    assertThat(missing).as("text fields whose validate.maxLength is not " + LINE + " (a line) or " + TEXT_AREA
        + " (a text area)").isEmpty();
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
      String type = component.path("type").asText();
      if (FormSchema.TEXT_TYPES.contains(type)) {
        JsonNode maxLength = component.path("validate").path("maxLength");
        String id = component.path("id").asText();
        boolean readOnlyLine = "textfield".equals(type) && component.path("readonly").asBoolean(false);
        int expected = "textarea".equals(type) ? TEXT_AREA : SHORTER_LINES.getOrDefault(id, LINE);
        if (!maxLength.isInt() || (readOnlyLine ? maxLength.asInt() > TEXT_AREA : maxLength.asInt() != expected)) {
          missing.add(id + " (" + type + ", " + maxLength.asText("no limit") + ")");
        }
      }
      walk(component.path("components"), missing);
    }
  }
}
