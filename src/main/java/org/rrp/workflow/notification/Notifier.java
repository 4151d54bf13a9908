package org.rrp.workflow.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends notifications through Spring's mail support when an SMTP server is configured ({@code spring.mail.host});
 * without one (the demo) it only logs that a message was sent, by type, case and recipient role.
 * A failed send throws, so the engine job that sent it is retried.
 */
@Service
public class Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private final JavaMailSender mailSender;
  private final String from;

  Notifier(ObjectProvider<JavaMailSender> mailSender, @Value("${rrp.mail.from}") String from) {
    this.mailSender = mailSender.getIfAvailable();
    this.from = from;
  }

  public void send(Notification notification) {
    if (mailSender == null) {
      LOG.info("No SMTP server configured: {} email for case {} to the {} logged, not sent",
          notification.type(), notification.caseReference(), notification.recipientRole());
      return;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(notification.to());
    message.setSubject(notification.subject());
    message.setText(notification.body());
    mailSender.send(message);
    LOG.info("Sent {} email for case {} to the {}", notification.type(), notification.caseReference(),
        notification.recipientRole());
  }
}
