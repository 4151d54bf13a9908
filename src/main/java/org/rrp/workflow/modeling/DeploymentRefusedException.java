package org.rrp.workflow.modeling;

import java.util.List;

import org.rrp.workflow.casework.InvalidInputException;

/**
 * A deployment that does not pass the {@link DeploymentCheck}: the deploy command rolls back, nothing of it is
 * deployed, and {@code /engine-rest} answers 400 with every problem (as it answers a refused form).
 */
class DeploymentRefusedException extends InvalidInputException {

  /** The most problems told at once: a model with thousands of mistakes would otherwise get an answer of megabytes. */
  static final int TOLD = 20;

  DeploymentRefusedException(List<String> problems) {
    super(told(problems), "The deployment was refused, nothing of it is deployed. " + String.join(" ", told(problems)));
  }

  /** The first {@link #TOLD} problems, and how many more there are. */
  static List<String> told(List<String> problems) {
    if (problems.size() <= TOLD) {
      return problems;
    }
    List<String> told = new java.util.ArrayList<>(problems.subList(0, TOLD));
    told.add("There are " + (problems.size() - TOLD) + " more problems: correct these first.");
    return told;
  }
}
