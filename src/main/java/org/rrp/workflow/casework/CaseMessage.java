package org.rrp.workflow.casework;

import java.util.Objects;

/**
 * A BPMN message that the people working a case may send to it over the REST API ({@code POST /engine-rest/message}
 * with the message name and the case reference as business key, nothing else), e.g. a participant's consent being
 * withdrawn. A feature declares each as a bean; every other message is the administrator's. The engine still checks
 * that the sender may update the case's process instance.
 */
public record CaseMessage(String name) {

  public CaseMessage {
    Objects.requireNonNull(name);
  }
}
