package org.rrp.workflow.reminder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The deadline watches of a running node's database, read and moved in SQL by tests and the benchmark that run
 * nodes in other JVMs (the cluster test, the reminder burst).
 */
public final class DeadlineWatches {

  private final String url;
  private final String user;

  public DeadlineWatches(String url, String user) {
    this.url = url;
    this.user = user;
  }

  /** How many tasks are watched (one timer each). */
  public long count() {
    try (Connection db = DriverManager.getConnection(url, user, "");
        PreparedStatement count = db.prepareStatement("select count(*) from ACT_RU_JOB where HANDLER_TYPE_ = ?")) {
      count.setString(1, DeadlineWatch.JOB_TYPE);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the deadline watches could not be counted", e);
    }
  }

  /**
   * As if a coordinator had set every open task's due date to now: the tasks and their watches, in one transaction,
   * so that every reminder falls due at the same moment.
   */
  public void makeEveryWatchedTaskDueNow() throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection db = DriverManager.getConnection(url, user, "")) {
      db.setAutoCommit(false);
      try (PreparedStatement tasks = db.prepareStatement("update ACT_RU_TASK set DUE_DATE_ = ? where DUE_DATE_ is not null");
          PreparedStatement watches = db.prepareStatement("update ACT_RU_JOB set DUEDATE_ = ? where HANDLER_TYPE_ = ?")) {
        tasks.setTimestamp(1, now);
        tasks.executeUpdate();
        watches.setTimestamp(1, now);
        watches.setString(2, DeadlineWatch.JOB_TYPE);
        watches.executeUpdate();
      }
      db.commit();
    }
  }
}
