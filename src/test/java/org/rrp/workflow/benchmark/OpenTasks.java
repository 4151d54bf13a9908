package org.rrp.workflow.benchmark;

import static org.rrp.workflow.casework.CaseVariables.*;

import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Open tasks in bulk, as real cases leave them. First a template of real cases: Solution Focused Circles started
 * through the engine's API as the referral's call activity starts them (full history, the task's deadline watch, the
 * area as candidate group, the authorizations the engine grants the assignee and the area group), spread evenly over
 * the four areas; in each area three tasks in four are assigned to an advisor of the area, one is unassigned. Then
 * the template's runtime rows (executions, task, variables, identity links, authorizations) are copied in SQL with
 * new ids until there are as many open tasks as asked: the same rows the engine wrote, thousands a second, where the
 * engine makes a few dozen cases a second on this machine. The copies have no deadline watch of their own (no Tasklist
 * query reads one).
 */
final class OpenTasks {

  static final String PREFIX = "BULK-";
  static final String[][] AREAS = {
      {"area-east-staffs-tamworth", "alex", "ash"},
      {"area-cannock-lichfield", "bea"},
      {"area-stafford-south-staffs", "cal"},
      {"area-newcastle-moorlands", "dee"}};
  static final int TEMPLATE = Integer.getInteger("benchmark.template-cases", 200);
  static final int PER_TRANSACTION = 50;
  /** Columns that hold the id of a row copied with the template: the copies get the same suffix there. */
  static final Set<String> ID_COLUMNS = Set.of("id_", "proc_inst_id_", "execution_id_", "task_id_", "parent_id_",
      "root_proc_inst_id_", "var_scope_", "business_key_", "resource_id_");

  private final ProcessEngine engine;
  private final TransactionTemplate transaction;
  private final DataSource database;
  private int templateMade;
  private int copies;

  OpenTasks(ProcessEngine engine, PlatformTransactionManager transactions, DataSource database) {
    this.engine = engine;
    this.transaction = new TransactionTemplate(transactions);
    this.database = database;
  }

  /** Makes open tasks until there are {@code total} of them; returns seconds taken. */
  double upTo(int total) throws Exception {
    long start = System.nanoTime();
    int template = Math.min(TEMPLATE, total);
    for (int from = templateMade; from < template; from += PER_TRANSACTION) {
      int first = from;
      int to = Math.min(template, from + PER_TRANSACTION);
      transaction.executeWithoutResult(status -> {
        for (int n = first; n < to; n++) {
          start(n);
        }
      });
    }
    if (templateMade < template) {
      templateMade = template;
      JdbcTemplate jdbc = new JdbcTemplate(database);
      jdbc.execute("create table if not exists bench_template (id varchar(64))");
      jdbc.update("delete from bench_template");
      jdbc.update("insert into bench_template (id) select id_ from act_ru_execution where id_ = proc_inst_id_"
          + " and business_key_ like '" + PREFIX + "%'");
    }
    while (templateMade * (copies + 1) < total) {
      copy(++copies);
      if (copies % 25 == 0) {
        System.out.printf("benchmark: %,d open tasks made%n", templateMade * (copies + 1));
      }
    }
    try (Connection connection = database.getConnection()) {
      if (connection.getMetaData().getDatabaseProductName().startsWith("PostgreSQL")) {
        // what autovacuum does within a minute or two after so many new rows (since PostgreSQL 13 inserts alone start
        // it): the planner's statistics brought up to date, and the visibility map that lets a query read the grants
        // from an index alone (index-only scans, see V17 and V19) set for the pages written
        try (Statement statement = connection.createStatement()) {
          statement.execute("vacuum analyze");
        }
        // what the copies and the vacuum left in memory written to disk now, not by the checkpointer while the first
        // filter is timed (a checkpoint needs a superuser or pg_checkpoint; without it the figures may err slow)
        try (Statement statement = connection.createStatement()) {
          statement.execute("checkpoint");
        } catch (SQLException refused) {
          System.out.println("benchmark: no checkpoint after making the open tasks: " + refused.getMessage());
        }
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** The template's rows once more, every id with the suffix {@code ~copy}. */
  private void copy(int copy) throws Exception {
    String template = "(select id from bench_template)";
    String tasks = "(select id_ from act_ru_task where proc_inst_id_ in " + template + ")";
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      copyRows(connection, "act_ru_execution", "proc_inst_id_ in " + template, copy);
      copyRows(connection, "act_ru_task", "proc_inst_id_ in " + template, copy);
      copyRows(connection, "act_ru_variable", "proc_inst_id_ in " + template, copy);
      copyRows(connection, "act_ru_identitylink", "task_id_ in " + tasks, copy);
      copyRows(connection, "act_ru_authorization", "resource_id_ in " + tasks + " or resource_id_ in " + template, copy);
      connection.commit();
    }
  }

  private static void copyRows(Connection connection, String table, String which, int copy) throws Exception {
    List<String> columns = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      ResultSetMetaData meta = statement.executeQuery("select * from " + table + " where 1 = 0").getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
      }
      List<String> values = columns.stream()
          .map(column -> ID_COLUMNS.contains(column) ? column + " || '~" + copy + "'" : column).toList();
      statement.executeUpdate("insert into " + table + " (" + String.join(", ", columns) + ") select "
          + String.join(", ", values) + " from " + table + " where " + which);
    }
  }

  private void start(int n) {
    String[] area = AREAS[n % AREAS.length];
    int turn = n / AREAS.length;
    String advisor = turn % 4 == 3 ? null : area[1 + turn % (area.length - 1)];
    String reference = PREFIX + n;
    engine.getRuntimeService().createProcessInstanceByKey("solution-circle").businessKey(reference)
        .setVariables(Variables.createVariables()
            .putValue(CASE_REFERENCE, reference)
            .putValue(ADVISOR_ID, advisor)
            .putValue(AREA, area[0])
            .putValue(CHILD_NAME, "Robin Testchild")
            .putValue(SETTING_NAME, "Hollybank Primary")
            .putValue(DIFFICULTY, "Finds the start of the day hard.")
            .putValue(TRIAGE_NOTES, "Circle agreed."))
        .execute();
  }
}
