package org.rrp.workflow.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which once-only notifications have been sent, or are being sent. A message is claimed before it goes and marked
 * sent as soon as it is out, each in a transaction of its own, committed at once: a job that fails or is retried
 * later, the same job run by two nodes at once, a redeployed process or another node does not send it again.
 */
@Repository
class NotificationLog {

  /** How long a claim holds before another sender may take it over (its sender died before sending). */
  static final Duration CLAIM_LEASE = Duration.ofMinutes(10);

  enum Claim {
    /** This sender holds the claim: send, then {@link #markSent}, or {@link #release} if the send fails. */
    CLAIMED,
    /** Sent before: not again. */
    SENT_BEFORE,
    /** Another sender holds a live claim: it sends, or gives the claim back and is tried again itself. */
    BEING_SENT
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  NotificationLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  Claim claim(String key, Notification notification, Instant now) {
    Timestamp lapses = Timestamp.from(now.plus(CLAIM_LEASE));
    Boolean inserted = ownTransaction.execute(status -> {
      try {
        jdbc.update("insert into rrp_notification_sent (notification_key, notification_type, case_reference, sent_at, "
            + "claimed_until) values (?, ?, ?, null, ?)", key, notification.type(), notification.caseReference(), lapses);
        return true;
      } catch (DuplicateKeyException claimedBefore) {
        status.setRollbackOnly();
        return false;
      }
    });
    if (Boolean.TRUE.equals(inserted)) {
      return Claim.CLAIMED;
    }
    return ownTransaction.execute(status -> {
      if (jdbc.update("update rrp_notification_sent set claimed_until = ? where notification_key = ? "
          + "and sent_at is null and claimed_until < ?", lapses, key, Timestamp.from(now)) == 1) {
        return Claim.CLAIMED;
      }
      Integer sent = jdbc.queryForObject("select count(*) from rrp_notification_sent where notification_key = ? "
          + "and sent_at is not null", Integer.class, key);
      return sent != null && sent > 0 ? Claim.SENT_BEFORE : Claim.BEING_SENT;
    });
  }

  void markSent(String key, Instant at) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "update rrp_notification_sent set sent_at = ?, claimed_until = null where notification_key = ?",
        Timestamp.from(at), key));
  }

  void release(String key) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "delete from rrp_notification_sent where notification_key = ? and sent_at is null", key));
  }
}
