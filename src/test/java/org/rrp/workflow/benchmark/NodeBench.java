package org.rrp.workflow.benchmark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.rrp.workflow.PackagedJar;
import org.rrp.workflow.referral.ReferralRequests;
import org.rrp.workflow.reminder.DeadlineWatches;

/**
 * Nodes of the packaged jar at {@code -Xmx512m}, as production runs them (ClusterIT's arrangement: the schema step,
 * then nodes of the {@code prod} profile on one PostgreSQL database, mail to one SMTP server outside them; on H2 one
 * node of the embedded default). Measures each node's time from process start to its first 200 from
 * {@code /engine-rest/engine}; a burst of reminders due at the same moment (triage tasks due as they are created,
 * their deadline watches held suspended while the cases are made, then released together): time until every
 * reminder is sent, and duplicates; and the node's resident memory after the burst's cases.
 */
final class NodeBench {

  static final int SMTP_PORT = Integer.getInteger("rrp.test.cluster-smtp-port", 3927);
  static final String OVERDUE = "Overdue: Triage request";
  static final int CLIENTS_PER_NODE = 2;
  /** Starts of one node measured each way, alternating, for the start-up figures. */
  static final int STARTS = Integer.getInteger("benchmark.starts", 3);

  record Node(String name, int port, Process process, double readySeconds, Http http, String url) {
  }

  /** A node started from the packaged jar as it is, without a class data sharing archive. */
  private static final ClassDataSharing.Layout PACKAGED = null;

  private final BenchmarkSettings settings;
  private final Path dir = Path.of("target", "benchmark");

  NodeBench(BenchmarkSettings settings) {
    this.settings = settings;
  }

  void measure(Results results) throws Exception {
    try (SmtpSink mail = new SmtpSink(SMTP_PORT)) {
      String oneNodeDb = database("node1");
      Node single = start("node-a", oneNodeDb);
      results.ready(single.readySeconds());
      try {
        Map<String, Object> burst = burst(List.of(single), mail);
        burst.put("residentMemoryMB", residentMegabytes(single));
        results.burst(1, burst);
        results.save();
      } finally {
        stop(single);
      }
      results.startUps(startUps(oneNodeDb));
      results.save();
      // -Dbenchmark.two-nodes=false skips the second burst (e.g. while profiling one node)
      if (settings.postgres() && Boolean.parseBoolean(System.getProperty("benchmark.two-nodes", "true"))) {
        mail.clear();
        String twoNodeDb = database("node2");
        Node a = start("node-a", twoNodeDb);
        Node b = start("node-b", twoNodeDb);
        try {
          Map<String, Object> burst = burst(List.of(a, b), mail);
          burst.put("residentMemoryMB", List.of(residentMegabytes(a), residentMegabytes(b)));
          burst.put("readySeconds", List.of(a.readySeconds(), b.readySeconds()));
          burst.put("jobsRunByNode", Map.of(a.name(), jobsRunBy(a, a.name()), b.name(), jobsRunBy(a, b.name())));
          results.burst(2, burst);
        } finally {
          stop(a);
          stop(b);
        }
      }
    }
  }

  // ---- the burst -----------------------------------------------------------------------------------------------

  private Map<String, Object> burst(List<Node> nodes, SmtpSink mail) throws Exception {
    int total = settings.reminders();
    Http admin = nodes.get(0).http();
    DeadlineWatches watches = new DeadlineWatches(nodes.get(0).url(),
        settings.postgres() ? settings.postgresUser() : "sa");
    long start = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS_PER_NODE * nodes.size());
    List<Future<?>> work = new ArrayList<>();
    for (int c = 0; c < CLIENTS_PER_NODE * nodes.size(); c++) {
      Http http = nodes.get(c % nodes.size()).http();
      work.add(clients.submit(() -> {
        int n;
        while ((n = next.getAndIncrement()) < total) {
          http.post("rosa", "process-definition/key/referral/submit-form",
              Map.of("variables", CaseDrivers.typed(new LinkedHashMap<>(ReferralRequests.valid())))).expect(200, "a request");
          if ((n + 1) % 1000 == 0) {
            System.out.printf("benchmark: %,d requests made for the burst%n", n + 1);
          }
        }
        return null;
      }));
    }
    for (Future<?> done : work) {
      done.get();
    }
    clients.shutdown();
    double making = (System.nanoTime() - start) / 1e9;
    System.out.printf("benchmark: %,d requests in %.0f s (%.1f/s) on %d node(s)%n", total, making, total / making, nodes.size());
    await(() -> watches.count() >= total, 600, "every triage task watched");
    // the watches fall due in two working days: only the requests' own jobs are due now
    await(() -> admin.count("admin", "job/count?executable=true&active=true") == 0, 600,
        "the requests' own jobs (acknowledgements) done");
    mail.clear();

    long released = System.nanoTime();
    watches.makeEveryWatchedTaskDueNow();
    long limitSeconds = Math.max(600, total / 5L);
    double seconds = -1;
    while ((System.nanoTime() - released) / 1e9 < limitSeconds) {
      if (mail.distinctSubjects(OVERDUE) >= total) {
        seconds = (System.nanoTime() - released) / 1e9;
        break;
      }
      CaseDrivers.sleep(250);
    }
    CaseDrivers.sleep(5000); // anything sent twice arrives now
    long duplicates = mail.duplicates(OVERDUE);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("reminders", total);
    figures.put("requestsPerSecondWhileMaking", Stats.round(total / making, 1));
    figures.put("secondsUntilAllSent", seconds < 0 ? null : Stats.round(seconds, 1));
    figures.put("remindersSent", mail.distinctSubjects(OVERDUE));
    figures.put("messages", mail.messages(OVERDUE));
    figures.put("duplicates", duplicates);
    System.out.printf("benchmark: burst of %,d reminders on %d node(s): %s s, %d duplicates%n", total, nodes.size(),
        figures.get("secondsUntilAllSent"), duplicates);
    return figures;
  }

  private static long jobsRunBy(Node any, String name) {
    return any.http().count("admin", "history/job-log/count?hostname=" + name + "&successLog=true");
  }

  // ---- nodes ---------------------------------------------------------------------------------------------------

  /** An empty database for nodes: on PostgreSQL migrated by the schema step, on H2 a fresh file. */
  private String database(String name) throws Exception {
    Files.createDirectories(dir);
    if (!settings.postgres()) {
      Path file = dir.resolve("h2-" + name);
      deleteRecursively(file);
      return "jdbc:h2:file:" + file.toAbsolutePath() + "/rrp;DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=TRUE";
    }
    String url = settings.freshPostgresDatabase(name);
    Process schema = launch("schema", 0, "prod,migrate,demo", url, PACKAGED);
    if (!schema.waitFor(300, TimeUnit.SECONDS) || schema.exitValue() != 0) {
      throw new IllegalStateException("the schema step failed: see target/benchmark/node-schema.log");
    }
    return url;
  }

  private Node start(String name, String url) throws Exception {
    if (!settings.postgres()) {
      // the embedded default creates its schema at its first start: measure the second, as a restart
      Node first = startAndWait(name + "-first", url, PACKAGED);
      stop(first);
    }
    return startAndWait(name, url, PACKAGED);
  }

  /**
   * Time to ready of one node on a database that already holds the burst's cases, started {@link #STARTS} times from
   * the packaged jar and as many from the extracted jar with a class data sharing archive, alternating, so that the
   * machine's moods fall on both alike.
   */
  private Map<String, Object> startUps(String url) throws Exception {
    ClassDataSharing.Layout shared = ClassDataSharing.prepare(PackagedJar.find(), dir.resolve("cds"));
    List<Double> packaged = new ArrayList<>();
    List<Double> withArchive = new ArrayList<>();
    for (int i = 1; i <= STARTS; i++) {
      Node plain = startAndWait("start-jar-" + i, url, PACKAGED);
      stop(plain);
      packaged.add(plain.readySeconds());
      Node fast = startAndWait("start-cds-" + i, url, shared);
      stop(fast);
      withArchive.add(fast.readySeconds());
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("packagedJarSeconds", packaged);
    figures.put("packagedJarMedianSeconds", Stats.round(Stats.median(packaged), 1));
    figures.put("classDataSharingSeconds", withArchive);
    figures.put("classDataSharingMedianSeconds", Stats.round(Stats.median(withArchive), 1));
    figures.put("archiveMB", Files.size(shared.archive()) / (1024 * 1024));
    return figures;
  }

  private Node startAndWait(String name, String url, ClassDataSharing.Layout layout) throws Exception {
    int port = freePort();
    long start = System.nanoTime();
    Process process = launch(name, port, settings.postgres() ? "prod" : "demo", url, layout);
    Http http = new Http(port, "demo");
    long deadline = System.currentTimeMillis() + 300_000;
    while (http.probe("admin", "engine") != 200) {
      if (!process.isAlive() || System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(name + " did not start: see target/benchmark/node-" + name + ".log");
      }
      CaseDrivers.sleep(50);
    }
    double ready = (System.nanoTime() - start) / 1e9;
    System.out.printf("benchmark: %s ready in %.1f s%n", name, ready);
    return new Node(name, port, process, Stats.round(ready, 1), http, url);
  }

  private Process launch(String name, int port, String profiles, String url, ClassDataSharing.Layout layout)
      throws IOException {
    File jar = (layout == PACKAGED ? PackagedJar.find() : layout.jar()).toFile();
    List<String> command = new ArrayList<>(List.of("java", "-Xmx512m"));
    if (layout != PACKAGED) {
      command.addAll(layout.javaOptions());
    }
    // e.g. -Dbenchmark.node-java-options="-XX:StartFlightRecording=filename=target/benchmark/{node}.jfr" to profile
    for (String option : System.getProperty("benchmark.node-java-options", "").trim().split("\\s+")) {
      if (!option.isEmpty()) {
        command.add(option.replace("{node}", name));
      }
    }
    command.addAll(List.of("-jar", jar.getAbsolutePath(), "--spring.profiles.active=" + profiles, "--server.port=" + port,
        "--rrp.demo.allow-in-production=" + profiles.contains("demo")));
    if (!settings.postgres()) {
      command.add("--spring.datasource.url=" + url);
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("RRP_DB_URL", url);
    env.put("RRP_DB_USER", settings.postgresUser());
    env.put("RRP_NODE_NAME", name);
    env.put("RRP_ADMIN_PASSWORD", "Benchmark-Admin-2026!");
    env.put("RRP_SECURE_COOKIE", "false");
    env.put("RRP_JOB_LOCK_MILLIS", "10000");
    env.put("SPRING_MAIL_HOST", "127.0.0.1");
    env.put("SPRING_MAIL_PORT", String.valueOf(SMTP_PORT));
    builder.redirectErrorStream(true).redirectOutput(dir.resolve("node-" + name + ".log").toFile());
    return builder.start();
  }

  private static void stop(Node node) throws InterruptedException {
    node.process().destroy();
    if (!node.process().waitFor(60, TimeUnit.SECONDS)) {
      node.process().destroyForcibly();
    }
  }

  /** VmRSS of the node's JVM, in MB. */
  static long residentMegabytes(Node node) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(node.process().pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void deleteRecursively(Path path) throws IOException {
    if (Files.exists(path)) {
      try (var files = Files.walk(path)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  interface Check {
    boolean holds();
  }

  private static void await(Check check, int seconds, String what) {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    while (!check.holds()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("not within " + seconds + " s: " + what);
      }
      CaseDrivers.sleep(250);
    }
  }
}
