package org.rrp.workflow.http;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

/** What the application answered to one HTTP call: its status and body, read as JSON on request. */
public record Answer(int status, String body) {

  public Map<String, Object> object() {
    return read(new TypeReference<>() {
    });
  }

  public List<Map<String, Object>> list() {
    return read(new TypeReference<>() {
    });
  }

  /** This answer, if its status is the one expected; otherwise fails, naming what was called. */
  public Answer expect(int expected, String what) {
    if (status != expected) {
      throw new IllegalStateException(what + ": HTTP " + status + " " + body);
    }
    return this;
  }

  private <T> T read(TypeReference<T> type) {
    try {
      return HttpCalls.JSON.readValue(body, type);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON (" + status + "): " + body, e);
    }
  }
}
