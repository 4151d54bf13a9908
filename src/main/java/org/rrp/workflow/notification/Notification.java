package org.rrp.workflow.notification;

/**
 * One email. {@code type} and {@code recipientRole} name it in logs, which never carry the address, subject or
 * body (they may hold personal data). Subjects name the case reference, never the child.
 */
public record Notification(String type, String caseReference, String recipientRole, String to, String subject,
    String body) {

  public Notification {
    if (to == null || to.isBlank()) {
      throw new IllegalArgumentException("A " + type + " notification for case " + caseReference
          + " has no " + recipientRole + " address to go to");
    }
  }
}
