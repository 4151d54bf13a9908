package org.rrp.workflow.conference;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One person named for a conference, as the "Name participants" form's list submits it. A child is consented
 * alongside a named parent or carer ({@code parentCarerName}, {@code parentCarerEmail}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
record Participant(String name, String role, String email, Boolean child, String parentCarerName,
    String parentCarerEmail) {

  static final String PERSON_HARMED = "person-harmed";
  static final String PERSON_WHO_CAUSED_HARM = "person-who-caused-harm";

  /** The roles a participant can have, and how forms and emails name them. */
  static final Map<String, String> ROLES = Map.of(
      PERSON_HARMED, "Person harmed",
      PERSON_WHO_CAUSED_HARM, "Person who caused harm",
      "supporter", "Supporter",
      "parent-or-carer", "Parent or carer",
      "staff", "Staff");

  boolean isChild() {
    return Boolean.TRUE.equals(child);
  }

  String roleLabel() {
    return ROLES.getOrDefault(role, "");
  }

}
