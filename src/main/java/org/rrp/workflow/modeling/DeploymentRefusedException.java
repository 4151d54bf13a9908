package org.rrp.workflow.modeling;

import java.util.List;

import org.rrp.workflow.casework.InvalidInputException;

/**
 * A deployment that does not pass the {@link DeploymentCheck}: the deploy command rolls back, nothing of it is
 * deployed, and {@code /engine-rest} answers 400 with every problem (as it answers a refused form).
 */
class DeploymentRefusedException extends InvalidInputException {

  DeploymentRefusedException(List<String> problems) {
    super(problems, "The deployment was refused, nothing of it is deployed. " + String.join(" ", problems));
  }
}
