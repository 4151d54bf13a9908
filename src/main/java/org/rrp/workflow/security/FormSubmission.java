package org.rrp.workflow.security;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The variables of one form submission, as the REST APIs take them ({@code {"name": {"value": ..., "type": ...}}}),
 * held to the form: variables the form does not declare are dropped (the server computes the rest), and each
 * declared one is checked for its type, its length and its options. Problems name the field, never the value.
 */
final class FormSubmission {

  /** The most a list (a JSON value) may hold. */
  static final int JSON_LIMIT = 200_000;

  private static final Set<String> TEXT_VALUE_TYPES = Set.of("string", "json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormSchema form;
  private final List<String> problems = new ArrayList<>();
  private final List<String> dropped = new ArrayList<>();

  FormSubmission(FormSchema form) {
    this.form = form;
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

  private void check(FormSchema.Field field, JsonNode typed) {
    if (!typed.isObject()) {
      problems.add(field.label() + " cannot take a value of this kind.");
      return;
    }
    String type = typed.path("type").asText("").toLowerCase();
    JsonNode value = typed.path("value");
    if (!type.isEmpty() && !Set.of("string", "json", "boolean", "integer", "long", "short", "double", "date", "null")
        .contains(type)) {
      problems.add(field.label() + " cannot take a value of this kind.");
      return;
    }
    if (value.isNull() || value.isMissingNode()) {
      return;
    }
    if (field.isList()) {
      checkList(field, typed, value, type);
      return;
    }
    if (value.isTextual()) {
      checkText(field, value.asText());
    } else if (value.isContainerNode() && !"json".equals(type) && !Set.of("checklist", "taglist").contains(field.type())) {
      problems.add(field.label() + " cannot take a value of this kind.");
    } else if (value.isContainerNode() && value.toString().length() > JSON_LIMIT) {
      problems.add(field.label() + " is too long.");
    }
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
        problems.add(list.label() + " is too long.");
        return;
      }
      try {
        rows = JSON.readTree(value.asText());
      } catch (JsonProcessingException e) {
        problems.add(list.label() + " is not a list.");
        return;
      }
    } else if (!TEXT_VALUE_TYPES.contains(type) && !type.isEmpty()) {
      problems.add(list.label() + " is not a list.");
      return;
    }
    if (!rows.isArray()) {
      problems.add(list.label() + " is not a list.");
      return;
    }
    for (JsonNode row : rows) {
      if (!row.isObject()) {
        problems.add(list.label() + " is not a list.");
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> cell = it.next();
        FormSchema.Field field = list.rowFields().get(cell.getKey());
        if (field == null) {
          it.remove();
        } else if (cell.getValue().isTextual()) {
          checkText(labelled(list, field), cell.getValue().asText());
        } else if (cell.getValue().isContainerNode()) {
          problems.add(list.label() + ": " + field.label() + " cannot take a value of this kind.");
        }
      }
    }
    if (value.isTextual() && typed instanceof ObjectNode writable) {
      writable.put("value", rows.toString());
    }
  }

  private static FormSchema.Field labelled(FormSchema.Field list, FormSchema.Field field) {
    return new FormSchema.Field(field.key(), field.type(), list.label() + ": " + field.label(), field.maxLength(),
        field.options(), field.rowFields());
  }
}
