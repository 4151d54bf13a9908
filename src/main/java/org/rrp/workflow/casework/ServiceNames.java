package org.rrp.workflow.casework;

import static org.rrp.workflow.casework.CaseVariables.*;

import java.util.Map;

/** What people read for the services a case can be triaged to (the labels the forms show). */
public final class ServiceNames {

  static final Map<String, String> NAMES = Map.of(
      SOLUTION_FOCUSED_CIRCLE, "Solution Focused Circle",
      RESTORATIVE_CONFERENCE, "Restorative Conference",
      ADVICE_AND_GUIDANCE, "Advice and guidance");

  private ServiceNames() {
  }

  /** The service's name; the code itself if it is not a known service; empty for none. */
  public static String of(String service) {
    return service == null ? "" : NAMES.getOrDefault(service, service);
  }
}
