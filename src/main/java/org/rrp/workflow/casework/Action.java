package org.rrp.workflow.casework;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One action of a case's action plan, agreed at a meeting (a circle's or a conference's): what, who (name and
 * email), by when ({@code YYYY-MM-DD}); at a review or follow-up, whether it was done and what happened.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public record Action(String what, String owner, String ownerEmail, String byWhen, Boolean done, String progress) {

  public boolean isDone() {
    return Boolean.TRUE.equals(done);
  }

  /** The day it is due as people read it, {@code dd/mm/yyyy} (what emails show; {@link #byWhen} is the form's text). */
  public String dueOn() {
    return EnglishDates.day(byWhen);
  }
}
