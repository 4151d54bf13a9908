package org.rrp.workflow.circle;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The records a circle keeps as JSON lists: actions, participants, reviews. */
final class ActionPlan {

  private ActionPlan() {
  }

  /** One action of the plan: what, who (name and email), by when; at a review, whether done and what happened. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Action(String what, String owner, String ownerEmail, String byWhen, Boolean done, String progress) {
    boolean isDone() {
      return Boolean.TRUE.equals(done);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Participant(String name, String role, String email) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ReviewRecord(int number, String meetingAt, String aspirations, String aids, String obstacles,
      boolean resolved) {
  }

  /** The plan after a review: the existing actions as reviewed, then the new ones. */
  static List<Action> merge(List<Action> reviewed, List<Action> added) {
    List<Action> plan = new ArrayList<>(reviewed);
    plan.addAll(added);
    return plan;
  }
}
