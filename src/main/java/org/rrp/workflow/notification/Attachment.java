package org.rrp.workflow.notification;

/** A file sent with an email, such as a training certificate. */
public record Attachment(String fileName, String contentType, byte[] content) {
}
