package org.rrp.workflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.circle.CircleVariables;
import org.rrp.workflow.conference.ConferenceVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What people type is shown in other people's forms as plain text, never as Markdown. A form's text component is
 * Markdown: form-js places a templated value in it as it is, then renders links, images and HTML it keeps, so a
 * link or a button typed into a request would become a live one in the coordinator's form. So no text component of
 * any form in {@code forms/} templates ({@code {{...}}}) a variable a person types: the key of an input field some
 * form lets a person type into (an editable text field or text area, in any form, in a list's rows too), or a
 * variable the server copies from such text ({@link #COPIED_FROM_TYPED}). Such a value is shown in a read-only field
 * bound to it instead. What the server writes (the case reference, dates, numbers, labels, a decision's reason, the
 * request summary with the typed parts escaped) may stay in a text. The rule is {@link FormTexts}'s, which the
 * deployment check applies to what coordinators deploy.
 */
class FormTextsTest {

  private static final Path FORMS = Path.of("forms");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Variables the server fills with what a person typed elsewhere, and where it comes from. */
  static final Map<String, String> COPIED_FROM_TYPED = Map.of(
      ConferenceVariables.PARTICIPANT_NAME, "a conference participant's name, from the list the advisor typed",
      ConferenceVariables.PARENT_CARER_NAME, "a child participant's parent or carer, from the same list");

  @Test
  void noFormsTextTemplatesWhatAPersonTyped() {
    Map<String, JsonNode> forms = forms();
    assertThat(forms).as("forms found").hasSizeGreaterThan(20);
    Set<String> typed = typedVariables(forms.values());
    assertThat(typed).as("what people type").contains(CaseVariables.DIFFICULTY, CaseVariables.SETTING_NAME,
        CircleVariables.MEETING_VENUE, ConferenceVariables.CONFERENCE_VENUE, ConferenceVariables.PARTICIPANT_NAME);

    assertThat(violations(forms, typed)).as("text components templating what a person typed: show it in a read-only"
        + " field bound to the variable instead").isEmpty();
  }

  @Test
  void everyFieldShowingWhatAPersonTypedIsReadOnlyAndLabelled() {
    List<String> unlabelled = new ArrayList<>();
    forms().forEach((file, form) -> walk(form.path("components"), component -> {
      if (component.path("id").asText().endsWith("Shown") && (!component.path("readonly").asBoolean(false)
          || !FormTexts.TYPED.contains(component.path("type").asText()) || component.path("label").asText().isBlank())) {
        unlabelled.add(file + ": " + component.path("id").asText());
      }
    }));
    assertThat(unlabelled).as("fields named ...Shown that are not labelled read-only text fields").isEmpty();
  }

  // ---- the check fails on broken forms -------------------------------------------------------------------------

  static final String REQUEST = """
      {"id": "request", "components": [
        {"type": "textarea", "id": "Field_problem", "key": "problem", "label": "What is stuck"},
        {"type": "textfield", "id": "Field_venue", "key": "venue", "label": "Venue"},
        {"type": "checkbox", "id": "Field_settled", "key": "settled", "label": "Settled"},
        {"type": "dynamiclist", "id": "List_people", "path": "people", "components": [
          {"type": "textfield", "id": "Field_name", "key": "name", "label": "Name"}]},
        {"type": "textfield", "id": "Field_reference", "key": "reference", "label": "Reference", "readonly": true},
        {"type": "textfield", "id": "Field_code", "key": "code", "label": "Code", "disabled": true}]}""";

  @Test
  void aTextTemplatingWhatAPersonTypedInAnyFormIsReported() {
    Map<String, JsonNode> forms = new LinkedHashMap<>();
    forms.put("request.form", read(REQUEST));
    forms.put("review.form", read("""
        {"id": "review", "components": [
          {"type": "text", "id": "Text_plain", "text": "**What is stuck:** {{problem}}"},
          {"type": "text", "id": "Text_if", "text": "{{#if problem}}Asked{{/if}} {{#if name}}{{name}}{{/if}}"},
          {"type": "group", "id": "Group_meeting", "components": [
            {"type": "text", "id": "Text_function", "text": "At {{substring(venue, 1, 10)}}"}]},
          {"type": "text", "id": "Text_expression", "text": "=\\"At \\" + venue"},
          {"type": "text", "id": "Text_copied", "text": "Participant {{participantName}}"},
          {"type": "text", "id": "Text_this", "text": "{{this.problem}}"},
          {"type": "text", "id": "Text_thisExpression", "text": "=_this_.problem"},
          {"type": "text", "id": "Text_getValue", "text": "{{get value(parent, \\"problem\\")}}"},
          {"type": "text", "id": "Text_loop", "text": "{{#loop people}}{{this.name}}{{/loop}}"},
          {"type": "text", "id": "Text_comment", "text": "{{ /*\\"*/ problem /*\\"*/ }}"},
          {"type": "text", "id": "Text_lineComment", "text": "= // \\"\\n venue // \\"\\n"},
          {"type": "text", "id": "Text_listPath", "text": "{{ people[1].name }}"}]}"""));
    Set<String> typed = typedVariables(forms.values());

    assertThat(typed).contains("problem", "venue", "name", "people").doesNotContain("settled", "reference", "code");
    assertThat(violations(forms, typed)).containsExactlyInAnyOrder(
        "review.form: Text_plain templates problem", "review.form: Text_if templates problem",
        "review.form: Text_if templates name", "review.form: Text_function templates venue",
        "review.form: Text_expression templates venue", "review.form: Text_copied templates participantName",
        "review.form: Text_this templates this", "review.form: Text_thisExpression templates this",
        "review.form: Text_getValue templates this", "review.form: Text_loop templates this",
        "review.form: Text_loop templates people", "review.form: Text_comment templates problem",
        "review.form: Text_lineComment templates venue", "review.form: Text_listPath templates people");
  }

  @Test
  void whatTheServerWritesAChoiceAndWordsInQuotesMayBeTemplated() {
    Map<String, JsonNode> forms = new LinkedHashMap<>();
    forms.put("request.form", read(REQUEST));
    forms.put("review.form", read("""
        {"id": "review", "components": [
          {"type": "text", "id": "Text_case", "text": "## Case {{reference}} ({{code}}), {{substring(when, 1, 10)}}"},
          {"type": "text", "id": "Text_if", "text": "{{if settled = true then \\"The problem was settled.\\" else \\"venue\\"}}"},
          {"type": "text", "id": "Text_property", "text": "{{summary.problem}} {{#loop items}}Item{{/loop}}"},
          {"type": "textarea", "id": "Field_problemShown", "key": "problem", "label": "What is stuck", "readonly": true}]}"""));

    assertThat(violations(forms, typedVariables(forms.values()))).isEmpty();
  }

  // ---- reading forms -------------------------------------------------------------------------------------------

  /** What people type in these forms (as the deployment check reads it), and what the server copies from it. */
  static Set<String> typedVariables(Iterable<JsonNode> forms) {
    Set<String> typed = new TreeSet<>(COPIED_FROM_TYPED.keySet());
    typed.addAll(FormTexts.typedVariables(forms));
    return typed;
  }

  /** Each text component that templates a typed variable, as {@code file: id templates variable}. */
  static List<String> violations(Map<String, JsonNode> forms, Set<String> typed) {
    List<String> violations = new ArrayList<>();
    forms.forEach((file, form) -> FormTexts.typedInTexts(file, form, typed).forEach(found ->
        violations.add(found.file() + ": " + found.textId() + " templates " + found.variable())));
    return violations;
  }

  private static void walk(JsonNode components, Consumer<JsonNode> visit) {
    FormTexts.walk(components, visit);
  }

  private static Map<String, JsonNode> forms() {
    Map<String, JsonNode> forms = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".form")).sorted().toList()) {
        forms.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return forms;
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
