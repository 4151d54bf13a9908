package org.rrp.workflow.benchmark;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whole-product circle cases against the bare skeleton, in interleaved batches (product then skeleton, then the
 * other way round, and so on) so that whatever else the machine does hits both; at 1 and 2 client threads. A batch
 * ends when its cases are closed and no job is left to run, so the asynchronous work a case causes is in its batch.
 */
final class Throughput {

  enum Kind { PRODUCT, SKELETON }

  private final CaseDrivers drivers;
  private final JdbcTemplate probe;
  private final SqlCounter sql;
  private final BenchmarkSettings settings;
  private final SmtpSink mail;
  private final AtomicInteger skeletonNumbers = new AtomicInteger();

  Throughput(CaseDrivers drivers, JdbcTemplate probe, SqlCounter sql, BenchmarkSettings settings, SmtpSink mail) {
    this.drivers = drivers;
    this.probe = probe;
    this.sql = sql;
    this.settings = settings;
    this.mail = mail;
  }

  void measure(Results results) throws Exception {
    // warm-up: the JIT, the caches, the first deployment's forms; not measured
    batch(Kind.PRODUCT, 1, Math.max(2, settings.batchCases() / 4));
    batch(Kind.SKELETON, 1, Math.max(2, settings.batchCases() / 4));

    Map<Kind, SqlCounter.Counts> sqlTotals = new LinkedHashMap<>();
    Map<Kind, Long> casesTotals = new LinkedHashMap<>();
    for (int threads : new int[] {1, 2}) {
      Map<Kind, List<Double>> rates = new LinkedHashMap<>();
      for (int round = 0; round < settings.rounds(); round++) {
        List<Kind> order = round % 2 == 0 ? List.of(Kind.PRODUCT, Kind.SKELETON) : List.of(Kind.SKELETON, Kind.PRODUCT);
        for (Kind kind : order) {
          SqlCounter.Counts before = sql.now();
          long start = System.nanoTime();
          int cases = batch(kind, threads, settings.batchCases());
          double seconds = (System.nanoTime() - start) / 1e9;
          SqlCounter.Counts used = sql.now().minus(before);
          rates.computeIfAbsent(kind, k -> new ArrayList<>()).add(cases / seconds);
          sqlTotals.merge(kind, used, SqlCounter.Counts::plus);
          casesTotals.merge(kind, (long) cases, Long::sum);
          System.out.printf("benchmark: %d thread(s), round %d, %-8s %3d cases in %6.1f s = %5.2f cases/s, %6.0f statements/case%n",
              threads, round + 1, kind, cases, seconds, cases / seconds, (double) used.statements() / cases);
          if (kind == Kind.PRODUCT) {
            mail.clear();
          }
        }
      }
      double product = Stats.median(rates.get(Kind.PRODUCT));
      double skeleton = Stats.median(rates.get(Kind.SKELETON));
      results.throughput(threads, product, skeleton, rates.get(Kind.PRODUCT), rates.get(Kind.SKELETON));
    }
    results.sqlPerCase(sqlTotals.get(Kind.PRODUCT).per(casesTotals.get(Kind.PRODUCT)),
        sqlTotals.get(Kind.SKELETON).per(casesTotals.get(Kind.SKELETON)));
  }

  /** Runs a batch of cases on the threads and waits until they and their jobs are done; returns how many. */
  private int batch(Kind kind, int threads, int cases) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(threads);
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> work = new ArrayList<>();
    for (int client = 0; client < threads; client++) {
      int share = cases / threads + (client < cases % threads ? 1 : 0);
      work.add(clients.submit(() -> {
        for (int i = 0; i < share; i++) {
          ids.add(kind == Kind.PRODUCT ? drivers.circleCase() : drivers.skeletonCase(skeletonNumbers.incrementAndGet()));
        }
        return null;
      }));
    }
    for (Future<?> done : work) {
      done.get();
    }
    clients.shutdown();
    awaitClosed(ids);
    awaitNoJobDue();
    return ids.size();
  }

  private void awaitClosed(List<String> ids) {
    String in = String.join(",", Collections.nCopies(ids.size(), "?"));
    long deadline = System.currentTimeMillis() + CaseDrivers.PATIENCE_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      Integer closed = probe.queryForObject("select count(*) from act_hi_procinst where end_time_ is not null and id_ in (" + in + ")",
          Integer.class, ids.toArray());
      if (closed != null && closed == ids.size()) {
        return;
      }
      CaseDrivers.sleep(20);
    }
    throw new IllegalStateException("cases not closed within " + CaseDrivers.PATIENCE_MILLIS / 1000 + " s");
  }

  private void awaitNoJobDue() {
    long deadline = System.currentTimeMillis() + CaseDrivers.PATIENCE_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      Integer due = probe.queryForObject("select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1"
          + " and (duedate_ is null or duedate_ <= ?)", Integer.class, new Timestamp(System.currentTimeMillis()));
      if (due != null && due == 0) {
        return;
      }
      CaseDrivers.sleep(20);
    }
    throw new IllegalStateException("jobs still due after " + CaseDrivers.PATIENCE_MILLIS / 1000 + " s");
  }
}
