package org.rrp.workflow.security;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.spin.json.SpinJsonNode;
import org.rrp.workflow.casework.FormInput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The variables of one form submission, as the REST APIs take them ({@code {"name": {"value": ..., "type": ...}}}),
 * held to the form: variables the form does not declare are dropped (the server computes the rest), and each
 * declared one is checked for its kind (text, a yes or no, a number, a list), its length and its options. In a list,
 * the cells the form does not let a person change keep their stored values, and a list whose rows the form neither
 * adds nor removes keeps its number of rows. Problems name the field, never the value.
 */
final class FormSubmission {

  /** The most a list (a JSON value) may hold. */
  static final int JSON_LIMIT = 200_000;

  private static final Set<String> TEXT_VALUE_TYPES = Set.of("string", "json");
  private static final Set<String> TEXT_FIELDS = Set.of("textfield", "textarea", "select", "radio", "datetime");
  private static final Set<String> NUMBER_TYPES = Set.of("", "integer", "long", "short", "double");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormSchema form;
  private final Function<String, Object> stored;
  private final List<String> problems = new ArrayList<>();
  private final List<String> dropped = new ArrayList<>();

  /** A submission of a start form: nothing is stored yet. */
  FormSubmission(FormSchema form) {
    this(form, name -> null);
  }

  /** A submission of a task's form; {@code stored} reads a variable as the task sees it now. */
  FormSubmission(FormSchema form, Function<String, Object> stored) {
    this.form = form;
    this.stored = stored;
  }

  List<String> problems() {
    return problems;
  }

  List<String> dropped() {
    return dropped;
  }

  /** Drops what the form does not declare and checks the rest, in place. */
  void hold(ObjectNode variables) {
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      FormSchema.Field field = form.fields().get(variable.getKey());
      if (field == null) {
        dropped.add(variable.getKey());
        it.remove();
      } else {
        check(field, variable.getValue());
      }
    }
  }

  /**
   * Adds a problem for each field the form requires that the submission leaves out or blank while the form shows it:
   * a person using the form cannot submit it so, and an earlier value of the variable must not stand in for it. A
   * field is taken as shown when each condition that would hide it is known to be false, read from the submission
   * for the form's own fields and from what is stored for other variables ({@link FormConditions}); when that cannot
   * be known, the server's checks decide.
   */
  void requireFilled(ObjectNode variables) {
    // A condition on a field of this form reads what was sent (a field left out is not known); on any other
    // variable, what is stored.
    Function<String, Object> values = name -> {
      JsonNode submitted = variables.path(name).path("value");
      if (submitted.isMissingNode() || submitted.isNull()) {
        return form.fields().containsKey(name) ? null : stored.apply(name);
      }
      return submitted.isBoolean() ? (Object) submitted.asBoolean() : submitted.asText();
    };
    List<String> hidden = new ArrayList<>();
    for (FormSchema.Field field : form.fields().values()) {
      // a field's conditions are read only when it was sent (to drop it if hidden) or is required (if shown)
      if (!field.hideWhen().isEmpty() && (variables.has(field.key()) || field.required())) {
        if (field.hideWhen().stream().anyMatch(hide -> FormConditions.evaluate(hide, values).orElse(false))) {
          hidden.add(field.key());
          continue;
        }
        if (!field.hideWhen().stream().allMatch(hide -> FormConditions.isFalse(hide, values))) {
          continue; // not known to be shown: the server's checks decide
        }
      }
      JsonNode value = variables.path(field.key()).path("value");
      if (field.required() && !field.isList()
          && (value.isMissingNode() || value.isNull() || value.isTextual() && FormInput.isBlank(value.asText()))) {
        problems.add(field.label() + " must be filled in.");
      }
    }
    // What the form hides, it does not submit: a value sent for it anyway is dropped, unchecked by anyone.
    for (String key : hidden) {
      if (variables.remove(key) != null) {
        dropped.add(key);
      }
    }
  }

  private void check(FormSchema.Field field, JsonNode typed) {
    if (!typed.isObject()) {
      problems.add(field.label() + " cannot take a value of this kind.");
      return;
    }
    String sent = typed.path("type").asText("");
    String type = sent.toLowerCase();
    JsonNode value = typed.path("value");
    // the REST layer reads a type's name as written but for its first letter ("string", "String"; not "STRING")
    if (!sent.isEmpty() && (!Set.of("string", "json", "boolean", "integer", "long", "short", "double", "date", "null")
        .contains(type) || !sent.substring(1).equals(type.substring(1)))) {
      problems.add(field.label() + " cannot take a value of this kind.");
      return;
    }
    if (value.isNull() || value.isMissingNode()) {
      JsonNode before = field.isList() && field.fixedRows() ? storedRows(field.key()) : null;
      if (before != null && !before.isEmpty()) {
        problems.add(fixedRowsProblem(field));
      }
      return;
    }
    if (field.isList()) {
      checkList(field, typed, value, type);
      return;
    }
    if (!ofItsKind(field, type, value)) {
      problems.add(field.label() + " could not be read.");
    } else if (value.isTextual()) {
      checkText(field, value.asText());
    } else if (value.isContainerNode() && !"json".equals(type) && !Set.of("checklist", "taglist").contains(field.type())) {
      problems.add(field.label() + " cannot take a value of this kind.");
    } else if (value.isContainerNode() && value.toString().length() > JSON_LIMIT) {
      problems.add(field.label() + " holds more than the form allows.");
    }
  }

  /**
   * Whether the value is of the kind its field submits: text for text, dates and choices, true or false for a
   * checkbox, a number (that its declared type can hold) for a number field. The engine would otherwise store a
   * checkbox's "true" as text, or refuse a number too large for its type with a message repeating it.
   */
  private static boolean ofItsKind(FormSchema.Field field, String type, JsonNode value) {
    if (TEXT_FIELDS.contains(field.type())) {
      return value.isTextual() && (type.isEmpty() || "string".equals(type));
    }
    return switch (field.type()) {
      case "checkbox" -> value.isBoolean() && (type.isEmpty() || "boolean".equals(type));
      case "number" -> value.isNumber() && NUMBER_TYPES.contains(type) && switch (type) {
        case "integer" -> value.isIntegralNumber() && value.canConvertToInt();
        case "short" -> value.isIntegralNumber() && value.canConvertToInt() && Math.abs(value.asInt()) <= Short.MAX_VALUE;
        case "long" -> value.isIntegralNumber() && value.canConvertToLong();
        default -> true;
      };
      default -> true;
    };
  }

  private void checkText(FormSchema.Field field, String text) {
    if (text.length() > field.limit()) {
      problems.add(field.label() + " is longer than " + field.limit() + " characters.");
    } else if (field.options() != null && !field.options().contains(text) && !text.isEmpty()) {
      problems.add(field.label() + " is not one of the options.");
    }
  }

  private void checkList(FormSchema.Field list, JsonNode typed, JsonNode value, String type) {
    JsonNode rows = value;
    if (value.isTextual()) {
      if (value.asText().length() > JSON_LIMIT) {
        problems.add(list.label() + " holds more than the form allows.");
        return;
      }
      try {
        rows = JSON.readTree(value.asText());
      } catch (JsonProcessingException e) {
        problems.add(list.label() + " could not be read.");
        return;
      }
    } else if (!type.isEmpty()) {
      problems.add(list.label() + " could not be read."); // the engine takes a list only as text
      return;
    }
    if (!type.isEmpty() && !TEXT_VALUE_TYPES.contains(type)) {
      problems.add(list.label() + " could not be read.");
      return;
    }
    if (!rows.isArray()) {
      problems.add(list.label() + " could not be read.");
      return;
    }
    boolean keepsStored = list.fixedRows() || list.rowFields().values().stream().anyMatch(FormSchema.Field::serverValue);
    JsonNode before = keepsStored ? storedRows(list.key()) : null;
    if (list.fixedRows() && before != null && before.size() != rows.size()) {
      problems.add(fixedRowsProblem(list));
      return;
    }
    for (int index = 0; index < rows.size(); index++) {
      if (!(rows.get(index) instanceof ObjectNode row)) {
        problems.add(list.label() + " could not be read.");
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> cell = it.next();
        FormSchema.Field field = list.rowFields().get(cell.getKey());
        if (field == null || field.serverValue()) {
          it.remove();
        } else if (cell.getValue().isContainerNode()) {
          problems.add(list.label() + ": " + field.label() + " cannot take a value of this kind.");
        } else if (!cell.getValue().isNull() && !ofItsKind(field, "", cell.getValue())) {
          problems.add(list.label() + ": " + field.label() + " could not be read.");
        } else if (cell.getValue().isTextual()) {
          checkText(labelled(list, field), cell.getValue().asText());
        }
      }
      JsonNode was = before == null ? null : before.get(index);
      for (FormSchema.Field field : list.rowFields().values()) {
        if (field.serverValue() && was != null && was.hasNonNull(field.key())) {
          row.set(field.key(), was.get(field.key()));
        }
      }
    }
    if (value.isTextual() && typed instanceof ObjectNode writable) {
      writable.put("value", rows.toString());
    }
  }

  private static String fixedRowsProblem(FormSchema.Field list) {
    return "Rows cannot be added to or removed from the list \u201c" + list.label() + "\u201d.";
  }

  /** The list's stored rows, or null when it has none (or they cannot be read: the server's checks then decide). */
  private JsonNode storedRows(String name) {
    Object value = stored.apply(name);
    if (value == null) {
      return null;
    }
    try {
      JsonNode rows = value instanceof SpinJsonNode || value instanceof String
          ? JSON.readTree(value.toString()) : JSON.valueToTree(value);
      return rows.isArray() ? rows : null;
    } catch (JsonProcessingException | IllegalArgumentException unreadable) {
      return null;
    }
  }

  private static FormSchema.Field labelled(FormSchema.Field list, FormSchema.Field field) {
    return new FormSchema.Field(field.key(), field.type(), list.label() + ": " + field.label(), field.maxLength(),
        field.options(), field.rowFields(), field.required(), field.hideWhen(), field.serverValue(), field.fixedRows());
  }
}
