package org.rrp.workflow.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

/**
 * The database's own commit limit as the application sees it: for a few seconds, each client thread takes a
 * connection from the application's pool, inserts one row, commits and gives the connection back, again and again.
 */
final class CommitLimit {

  private CommitLimit() {
  }

  /** Commits per second at 1 and 2 threads. */
  static Map<String, Object> measure(DataSource pool, BenchmarkSettings settings) throws Exception {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("create table bench_commit_probe (worker int, n bigint)");
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    try {
      for (int threads : new int[] {1, 2}) {
        double perSecond = commitsPerSecond(pool, threads, settings.commitSeconds() * 1000L);
        figures.put("commitsPerSecond" + threads + "Thread" + (threads > 1 ? "s" : ""), Stats.round(perSecond, 0));
        System.out.printf("benchmark: commit limit at %d thread(s): %.0f commits/s%n", threads, perSecond);
      }
    } finally {
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("drop table bench_commit_probe");
      }
    }
    return figures;
  }

  private static double commitsPerSecond(DataSource pool, int threads, long millis) throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    List<Future<Long>> counts = new ArrayList<>();
    long start = System.nanoTime();
    long end = System.currentTimeMillis() + millis;
    for (int worker = 0; worker < threads; worker++) {
      int id = worker;
      counts.add(workers.submit(() -> loop(pool, id, end)));
    }
    long total = 0;
    for (Future<Long> count : counts) {
      total += count.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    workers.shutdown();
    return total / seconds;
  }

  private static long loop(DataSource pool, int worker, long end) throws SQLException {
    long n = 0;
    while (System.currentTimeMillis() < end) {
      try (Connection connection = pool.getConnection()) {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("insert into bench_commit_probe (worker, n) values (?, ?)")) {
          insert.setInt(1, worker);
          insert.setLong(2, n);
          insert.executeUpdate();
        }
        connection.commit();
        connection.setAutoCommit(autoCommit);
      }
      n++;
    }
    return n;
  }
}
