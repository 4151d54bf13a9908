package org.rrp.workflow.notification;

import java.util.Objects;
import java.util.StringJoiner;

/**
 * What a once-only notification is about, e.g. {@code RRP-2026-0042/meeting/initial/2026-05-04T10:30+01:00}: the
 * case (or task) and the event, never a job or a node, so retries, restarts and other nodes find it. The
 * {@link Notifier} adds the recipient, so each person gets each message once.
 */
public record OnceKey(String value) {

  public OnceKey {
    Objects.requireNonNull(value);
  }

  /** About a case: its reference, then what happened (e.g. "received", or "meeting", kind, time). */
  public static OnceKey forCase(String caseReference, Object... about) {
    return of(Objects.requireNonNull(caseReference, "a case notification needs its case reference"), about);
  }

  /** About a setting's training journey (its business key is the setting's identifier, not a case reference). */
  public static OnceKey forJourney(String settingId, Object... about) {
    return of("training/" + Objects.requireNonNull(settingId, "a journey notification needs its setting"), about);
  }

  /** About a task (reminders and escalations of a due date). */
  public static OnceKey forTask(String taskId, Object... about) {
    return of("task/" + taskId, about);
  }

  /** The key of this event for one recipient. */
  String to(String recipient) {
    return value + "/" + recipient.strip();
  }

  private static OnceKey of(String subject, Object... about) {
    StringJoiner key = new StringJoiner("/");
    key.add(subject);
    for (Object part : about) {
      key.add(String.valueOf(part));
    }
    return new OnceKey(key.toString());
  }
}
