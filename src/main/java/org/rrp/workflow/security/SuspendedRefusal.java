package org.rrp.workflow.security;

import java.util.List;

import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.rrp.workflow.casework.InvalidInputException;

/**
 * A person's action on a case, task or process version a coordinator has suspended (Cockpit's pause): refused
 * like a form that does not hold, with 400 and one plain sentence, nothing saved, one line in the log. The engine
 * would answer 500 with its own message and ids, and the REST layers would log a stack trace.
 */
final class SuspendedRefusal extends InvalidInputException {

  static final String PROBLEM =
      "A coordinator has paused (suspended) this case or its process, so nothing was saved: try again once it is resumed.";

  SuspendedRefusal(SuspendedEntityInteractionException suspended) {
    super(List.of(PROBLEM), PROBLEM);
    initCause(suspended);
  }
}
