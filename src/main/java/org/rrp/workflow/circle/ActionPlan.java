package org.rrp.workflow.circle;

import java.util.ArrayList;
import java.util.List;

import org.rrp.workflow.casework.Action;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The records a circle keeps as JSON lists besides the case's action plan: participants, reviews. */
final class ActionPlan {

  private ActionPlan() {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Participant(String name, String role, String email) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ReviewRecord(int number, String meetingAt, String heldOn, String aspirations, String aids, String obstacles,
      boolean resolved) {
  }

  /** The plan after a review: the existing actions as reviewed, then the new ones. */
  static List<Action> merge(List<Action> reviewed, List<Action> added) {
    List<Action> plan = new ArrayList<>(reviewed);
    plan.addAll(added);
    return plan;
  }
}
