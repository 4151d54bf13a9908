package org.rrp.workflow.notification;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which once-only notifications have been sent. Written in a transaction of its own, committed as soon as the
 * message is out, so that a job that fails or is retried later, a redeployed process or another node does not
 * send it again.
 */
@Repository
class NotificationLog {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  NotificationLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  boolean wasSent(String key) {
    return jdbc.queryForObject("select count(*) from rrp_notification_sent where notification_key = ?", Integer.class,
        key) > 0;
  }

  void recordSent(String key, Notification notification, Instant at) {
    ownTransaction.executeWithoutResult(status -> {
      try {
        jdbc.update("insert into rrp_notification_sent (notification_key, notification_type, case_reference, sent_at) "
            + "values (?, ?, ?, ?)", key, notification.type(), notification.caseReference(), Timestamp.from(at));
      } catch (DuplicateKeyException alreadyRecorded) {
        status.setRollbackOnly();
      }
    });
  }
}
