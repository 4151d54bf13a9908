package org.rrp.workflow.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's database and sizes, from system properties ({@code -Dbenchmark.…} on the Maven command line).
 * {@code benchmark.quick=true} picks small sizes; each size can also be given on its own.
 */
record BenchmarkSettings(String db, boolean quick, int rounds, int batchCases, List<Integer> openTasks, int filterRuns,
    int filterBudgetSeconds, int reminders, int commitSeconds, List<String> phases, String postgresUrl, String postgresUser) {

  static BenchmarkSettings fromSystemProperties() {
    boolean quick = Boolean.getBoolean("benchmark.quick");
    return new BenchmarkSettings(
        System.getProperty("benchmark.db", "h2"),
        quick,
        Integer.getInteger("benchmark.rounds", quick ? 5 : 6),
        Integer.getInteger("benchmark.batch-cases", quick ? 10 : 20),
        Arrays.stream(System.getProperty("benchmark.open-tasks", quick ? "1000,2000" : "20000,100000").split(","))
            .map(String::trim).map(Integer::valueOf).toList(),
        Integer.getInteger("benchmark.filter-runs", 50),
        Integer.getInteger("benchmark.filter-budget-seconds", quick ? 60 : 240),
        Integer.getInteger("benchmark.reminders", quick ? 500 : 10_000),
        Integer.getInteger("benchmark.commit-seconds", quick ? 3 : 10),
        Arrays.asList(System.getProperty("benchmark.phases", "commits,throughput,filters,nodes").split(",")),
        System.getProperty("benchmark.postgres-url", "jdbc:postgresql://127.0.0.1:5432/"),
        System.getProperty("benchmark.postgres-user", "postgres"));
  }

  boolean postgres() {
    return db.startsWith("postgres");
  }

  boolean runs(String phase) {
    return phases.contains(phase);
  }

  /** On PostgreSQL, an empty database for the in-process application, named in {@code benchmark.app-db-url}. */
  void prepareApplicationDatabase() {
    if (postgres()) {
      System.setProperty("benchmark.app-db-url", freshPostgresDatabase("app"));
      System.setProperty("benchmark.db-username", postgresUser);
    }
  }

  /**
   * The PostgreSQL server's settings that change the figures, recorded with them. Production keeps PostgreSQL's
   * default {@code autovacuum = on}, which keeps the tables' statistics fresh as cases accumulate; a server with it off
   * (some CI images) plans every query on the statistics of empty tables, so the benchmark says so loudly.
   */
  Map<String, String> postgresServer() {
    Map<String, String> server = new LinkedHashMap<>();
    try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
      for (String setting : List.of("server_version", "autovacuum", "synchronous_commit", "shared_buffers", "max_connections")) {
        try (ResultSet value = statement.executeQuery("show " + setting)) {
          value.next();
          server.put(setting, value.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the PostgreSQL server's settings at " + postgresUrl, e);
    }
    if (!"on".equals(server.get("autovacuum"))) {
      System.out.println("benchmark: WARNING: autovacuum is off on this PostgreSQL server, unlike production: statistics"
          + " go stale as cases accumulate and queries are planned for empty tables; turn it on (ALTER SYSTEM SET"
          + " autovacuum = on; SELECT pg_reload_conf();) for figures that mean anything");
    }
    return server;
  }

  /** Drops and creates the database {@code <benchmark.db-prefix, default bench_><suffix>}; returns its JDBC URL. */
  String freshPostgresDatabase(String suffix) {
    String name = System.getProperty("benchmark.db-prefix", "bench_") + suffix;
    try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
      statement.execute("create database " + name);
      return postgresUrl + name;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the PostgreSQL database " + name + " at " + postgresUrl, e);
    }
  }

  /** The server's maintenance database, as the benchmark's user (no password: trust or peer authentication). */
  private Connection adminConnection() throws SQLException {
    return DriverManager.getConnection(postgresUrl + "postgres", postgresUser, "");
  }
}
