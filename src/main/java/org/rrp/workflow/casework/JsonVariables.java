package org.rrp.workflow.casework;

import java.util.List;

import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.CollectionType;

/**
 * Lists kept as JSON variables: what Camunda Forms submit for a dynamic list (a Spin {@code Json} value), read
 * into plain records, and written back the same way so the next form shows them.
 */
public final class JsonVariables {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private JsonVariables() {
  }

  /** The list in the variable; empty when it is missing; throws {@link IllegalArgumentException} when unreadable. */
  public static <T> List<T> readList(Object value, Class<T> type) {
    if (value == null) {
      return List.of();
    }
    String json = value instanceof SpinJsonNode node ? node.toString() : value instanceof String text ? text : write(value);
    CollectionType listType = MAPPER.getTypeFactory().constructCollectionType(List.class, type);
    try {
      List<T> list = MAPPER.readValue(json, listType);
      return list == null ? List.of() : list;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a list of " + type.getSimpleName(), e);
    }
  }

  public static JsonValue json(Object value) {
    return SpinValues.jsonValue(write(value)).create();
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
