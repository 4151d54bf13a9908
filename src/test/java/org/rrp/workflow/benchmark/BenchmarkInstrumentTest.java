package org.rrp.workflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryType;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The benchmark's instruments count what they should (counts only, never times): statements by kind, batches, commits
 * and rollbacks through the counting DataSource; percentiles; the commit-limit loop leaves nothing behind; the
 * skeleton has as many user tasks and gateways as a circle case passes.
 */
class BenchmarkInstrumentTest {

  @Test
  void countsStatementsByKindRoundTripsCommitsAndRollbacks() throws Exception {
    SqlCounter counter = new SqlCounter();
    DataSource counted = counter.counting(h2("counting"));
    SqlCounter.Counts before = counter.now();

    try (Connection connection = counted.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("create table probe (n int)");
      }
      try (PreparedStatement insert = connection.prepareStatement("insert into probe (n) values (?)")) {
        for (int n = 1; n <= 3; n++) {
          insert.setInt(1, n);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      connection.commit();
      try (Statement statement = connection.createStatement()) {
        statement.executeQuery("select count(*) from probe").close();
        statement.executeQuery("select n from probe where n = 2").close();
        statement.executeQuery("with recursive r (n) as (select 1 union all select n + 1 from r where n < 3) select n from r").close();
        statement.executeUpdate("update probe set n = 4 where n = 3");
        statement.executeUpdate("delete from probe where n = 1");
      }
      connection.rollback();
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("delete from probe where n = 2");
      }
      connection.commit();
    }

    SqlCounter.Counts used = counter.now().minus(before);
    assertThat(used).as("a query of common table expressions counts as the read it is").isEqualTo(new SqlCounter.Counts(3, 3, 1, 2, 1, 8, 2, 1,
        Map.of("other ?", 1L, "insert PROBE", 3L, "select PROBE", 2L, "select R", 1L, "update PROBE", 1L, "delete PROBE", 2L)));
    assertThat(used.statements()).isEqualTo(10);
    Map<String, Object> perCase = used.per(2);
    assertThat(perCase).containsEntry("statements", 5.0).containsEntry("insert", 1.5).containsEntry("commits", 1.0);
    assertThat(perCase.get("byTable")).as("tables by statements, most first")
        .asString().startsWith("{insert PROBE=1.5, ");
    assertThat(SqlCounter.tableOf("SELECT RES.* from ACT_RU_TASK RES inner join ACT_RU_EXECUTION E")).isEqualTo("ACT_RU_TASK");
    assertThat(SqlCounter.tableOf("insert into act_hi_varinst (ID_) values (?)")).isEqualTo("ACT_HI_VARINST");
    assertThat(SqlCounter.typeOf("WITH RECURSIVE G (ID) AS (SELECT 1) SELECT ID FROM G")).isEqualTo(QueryType.SELECT);
    assertThat(SqlCounter.typeOf("with gone as (delete from probe returning n) select n from gone")).isEqualTo(QueryType.DELETE);
    assertThat(SqlCounter.typeOf("select 1")).isEqualTo(QueryType.SELECT);
  }

  @Test
  void percentilesAreNearestRank() {
    List<Double> oneToHundred = IntStream.rangeClosed(1, 100).mapToObj(n -> (double) n).toList();
    assertThat(Stats.percentile(oneToHundred, 95)).isEqualTo(95.0);
    assertThat(Stats.percentile(oneToHundred, 50)).isEqualTo(50.0);
    assertThat(Stats.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(Stats.percentile(List.of(7.0), 95)).isEqualTo(7.0);
    assertThat(Stats.percentile(List.of(), 95)).isNaN();
    assertThat(Stats.round(Stats.percentile(List.of(), 95), 1)).as("nothing measured is never reported as 0").isNaN();
  }

  @Test
  void theCommitLimitLoopMeasuresBothThreadCountsAndLeavesNoTableBehind() throws Exception {
    DataSource pool = h2("commits");
    BenchmarkSettings settings = new BenchmarkSettings("h2", true, 1, 1, List.of(1), 1, 1, 1, 1,
        List.of("commits"), "", "");

    Map<String, Object> figures = CommitLimit.measure(pool, settings);

    assertThat(figures).containsOnlyKeys("commitsPerSecond1Thread", "commitsPerSecond2Threads");
    assertThat(figures.values()).allSatisfy(value -> assertThat((Double) value).isPositive());
    try (Connection connection = pool.getConnection()) {
      assertThat(connection.getMetaData().getTables(null, null, "BENCH_COMMIT_PROBE", null).next()).isFalse();
    }
  }

  @Test
  void theSkeletonHasTheCircleCasesSixUserTasksAndFiveGatewaysAndNothingElse() {
    BpmnModelInstance skeleton = Bpmn.readModelFromStream(getClass().getResourceAsStream("/benchmark/benchmark-skeleton.bpmn"));

    assertThat(skeleton.getModelElementsByType(UserTask.class)).hasSize(6)
        .allSatisfy(task -> assertThat(task.getCamundaCandidateGroups()).isNull())
        .allSatisfy(task -> assertThat(task.getCamundaAssignee()).isNull());
    assertThat(skeleton.getModelElementsByType(ExclusiveGateway.class)).hasSize(5);
    assertThat(skeleton.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.ServiceTask.class)).isEmpty();
    assertThat(skeleton.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.TimerEventDefinition.class)).isEmpty();
  }

  @Test
  void theSmtpSinkCountsEachSubjectPerRecipientAndTheRepeats() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (SmtpSink sink = new SmtpSink(port)) {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(port);
      send(sender, "Overdue: Triage request (RRP-2026-0001)", "cora@example.org");
      send(sender, "Overdue: Triage request (RRP-2026-0001)", "cora@example.org");
      send(sender, "Overdue: Triage request (RRP-2026-0001)", "dana@example.org");
      send(sender, "Overdue: Triage request (RRP-2026-0002)", "cora@example.org");
      send(sender, "Request received (RRP-2026-0003)", "cora@example.org");

      assertThat(sink.distinctSubjects("Overdue:")).isEqualTo(2);
      assertThat(sink.messages("Overdue:")).isEqualTo(4);
      assertThat(sink.duplicates("Overdue:")).as("the second to cora only").isEqualTo(1);
      sink.clear();
      assertThat(sink.messages("")).isZero();
    }
  }

  private static void send(JavaMailSenderImpl sender, String subject, String to) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom("rrp@example.org");
    message.setTo(to);
    message.setSubject(subject);
    message.setText("A line of text.");
    sender.send(message);
  }

  private static DataSource h2(String name) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:benchmark-" + name + ";DB_CLOSE_DELAY=-1");
    return h2;
  }
}
