package org.rrp.workflow.security;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a deployed Camunda Form (form-js JSON) lets a person submit: its input fields by key, each with its label,
 * its maximum length, for a list of fixed options the options, whether it is required and when it is hidden.
 * Display components (text, images, ...) submit nothing, and nor do read-only or disabled fields: what they show is
 * the server's. A dynamic list is one field whose rows have fields of their own; its read-only cells keep what is
 * stored.
 */
record FormSchema(String formId, Map<String, Field> fields) {

  /** The longest text any field takes: string variables are VARCHAR(4000) in the engine's tables. */
  static final int TEXT_LIMIT = 4000;

  static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "datetime", "select", "radio",
      "checkbox", "checklist", "taglist", "expression");
  static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea");

  /** No form: nothing may be submitted. */
  static final FormSchema NONE = new FormSchema(null, Map.of());

  /**
   * One input field. {@code required}: the form requires it whenever it shows it; {@code hideWhen}: the conditions
   * (FEEL, as the form has them) on which the form hides it or a group around it. {@code serverValue}: a list cell the
   * form shows but does not let the person change (read-only, or an expression the browser computes), so its value
   * is the stored one. {@code fixedRows}: a list whose rows the form neither adds nor removes.
   */
  record Field(String key, String type, String label, Integer maxLength, Set<String> options, Map<String, Field> rowFields,
      boolean required, List<String> hideWhen, boolean serverValue, boolean fixedRows) {

    boolean isList() {
      return "dynamiclist".equals(type);
    }

    /** The most characters a value of this field may have: the form's own limit, else the engine's. */
    int limit() {
      return maxLength == null ? TEXT_LIMIT : Math.min(maxLength, TEXT_LIMIT);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  static FormSchema parse(String formJson) {
    try {
      JsonNode form = JSON.readTree(formJson);
      return new FormSchema(form.path("id").asText(null), fields(form.path("components"), true, List.of()));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a Camunda Form", e);
    }
  }

  private static Map<String, Field> fields(JsonNode components, boolean topLevel, List<String> hiddenWhen) {
    Map<String, Field> fields = new LinkedHashMap<>();
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (component.path("disabled").asBoolean(false) || (topLevel && component.path("readonly").asBoolean(false))) {
        continue;
      }
      String hide = component.path("conditional").path("hide").asText("");
      List<String> hideWhen = hide.isBlank() ? hiddenWhen
          : java.util.stream.Stream.concat(hiddenWhen.stream(), java.util.stream.Stream.of(hide)).toList();
      if ("dynamiclist".equals(type) && component.hasNonNull("path")) {
        String path = component.path("path").asText();
        fields.put(path, new Field(path, type, label(component, path), null, null,
            fields(component.path("components"), false, hideWhen), false, hideWhen, false,
            !component.path("allowAddRemove").asBoolean(false)));
      } else if (component.has("components")) {
        fields.putAll(fields(component.path("components"), topLevel, hideWhen));
      } else if (INPUT_TYPES.contains(type) && component.hasNonNull("key")) {
        String key = component.path("key").asText();
        JsonNode maxLength = component.path("validate").path("maxLength");
        boolean required = component.path("validate").path("required").asBoolean(false);
        boolean serverValue = !topLevel && (component.path("readonly").asBoolean(false) || "expression".equals(type));
        fields.put(key, new Field(key, type, label(component, key), maxLength.isInt() ? maxLength.asInt() : null,
            options(component), Map.of(), required, hideWhen, serverValue, false));
      }
    }
    return fields;
  }

  /** The fixed options of a select, radio group or checklist; null when there are none (or they are dynamic). */
  private static Set<String> options(JsonNode component) {
    JsonNode values = component.path("values");
    if (!values.isArray() || values.isEmpty()) {
      return null;
    }
    Set<String> options = new LinkedHashSet<>();
    values.forEach(option -> options.add(option.path("value").asText()));
    return options;
  }

  private static String label(JsonNode component, String key) {
    for (String name : List.of("label", "dateLabel", "timeLabel")) {
      if (component.hasNonNull(name) && !component.path(name).asText().isBlank()) {
        return component.path(name).asText().strip();
      }
    }
    return key;
  }
}
