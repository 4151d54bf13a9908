package org.rrp.workflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.rrp.workflow.casework.CaseClock;

/**
 * Sends notifications through Spring's mail support when an SMTP server is configured ({@code spring.mail.host});
 * without one (the demo) it only logs that a message was sent, by type, case and recipient role.
 * A failed send throws, so the engine job that sent it is retried.
 */
@Service
public class Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  static {
    // Jakarta Mail 2.1 asks for its stream provider once or twice for every message it writes, and finds it through
    // ServiceLoader each time: a search of the whole class path, a fifth of a node's processor in a burst of
    // reminders. The system property it reads first makes that a lookup of a loaded class.
    System.getProperties().putIfAbsent(StreamProvider.class.getName(), MailStreamProvider.class.getName());
  }

  private final JavaMailSender mailSender;
  private final String from;
  private final NotificationLog log;

  Notifier(ObjectProvider<JavaMailSender> mailSender, @Value("${rrp.mail.from}") String from, NotificationLog log) {
    this.mailSender = mailSender.getIfAvailable();
    this.from = from;
    this.log = log;
  }

  /**
   * Sends the notification unless the same event has been notified to the same recipient before: it is claimed
   * first, then sent, then recorded as sent (see {@link OnceKey}, {@link NotificationLog}). A send that fails gives
   * the claim back and throws: the job retries it. One claimed elsewhere and not yet sent throws too.
   *
   * @return whether it was sent now
   */
  public boolean sendOnce(OnceKey about, Notification notification) {
    return sendOnce(about, notification, () -> send(notification));
  }

  /** The same, with a file attached (e.g. a certificate). */
  public boolean sendOnce(OnceKey about, Notification notification, Attachment attachment) {
    return sendOnce(about, notification, () -> send(notification, attachment));
  }

  private boolean sendOnce(OnceKey about, Notification notification, Runnable sending) {
    String key = about.to(notification.to());
    switch (log.claim(key, notification, CaseClock.instant())) {
      case SENT_BEFORE -> {
        LOG.info("{} email for case {} to the {} was sent before: not sent again", notification.type(),
            notification.caseReference(), notification.recipientRole());
        return false;
      }
      case BEING_SENT -> throw new BeingSentElsewhere(notification);
      case CLAIMED -> {
        // this sender sends it
      }
    }
    try {
      sending.run();
    } catch (RuntimeException notSent) {
      log.release(key);
      throw notSent;
    }
    log.markSent(key, CaseClock.instant());
    return true;
  }

  /**
   * The same message is being sent by another job or node right now: this attempt fails (its job is tried again
   * later, and then finds it sent, or takes over a claim whose sender died). Two senders of one message are a
   * conflict of concurrent work, as two transactions changing one row are: the engine logs it as it logs those, in
   * one line without a stack trace, where any other failure of a job is an error with its stack trace.
   */
  static final class BeingSentElsewhere extends OptimisticLockingException {
    BeingSentElsewhere(Notification notification) {
      super("The " + notification.type() + " email for case " + notification.caseReference() + " to the "
          + notification.recipientRole() + " is being sent elsewhere; tried again later");
    }
  }

  private void send(Notification notification, Attachment attachment) {
    if (mailSender == null) {
      LOG.info("No SMTP server configured: {} email for case {} to the {} logged, not sent",
          notification.type(), notification.caseReference(), notification.recipientRole());
      return;
    }
    try {
      MimeMessage message = mailSender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(from);
      helper.setTo(notification.to());
      helper.setSubject(notification.subject());
      helper.setText(notification.body());
      helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
      mailSender.send(message);
    } catch (MessagingException e) {
      throw new MailPreparationException("The " + notification.type() + " email could not be prepared", e);
    }
    LOG.info("Sent {} email with an attachment for case {} to the {}", notification.type(), notification.caseReference(),
        notification.recipientRole());
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
