package org.rrp.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rrp.workflow.referral.ReferralRequests;
import org.rrp.workflow.reminder.DeadlineWatches;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.referral.ReferralVariables;

/**
 * Two application nodes, separate JVMs running the packaged jar on different ports, on one PostgreSQL database,
 * sending mail to one SMTP server outside both (GreenMail, in this test's JVM): Camunda's own clustering, with a
 * job executor on each node. Runs when {@code RRP_TEST_CLUSTER_DB_URL} names an empty PostgreSQL database
 * ({@code .ci/run} does); skipped otherwise.
 *
 * <p>The nodes share one shifted case clock ({@code rrp.clock.start}): it reaches the new year (Europe/London) a
 * while after they are launched, long enough for them to start (five times the schema step's time and 60 seconds,
 * at least {@code -Drrp.test.cluster-year-end-lead-seconds}, default 180). The year's-end test therefore runs first;
 * the other tests do not mind the date (their tasks fall due at once on any day).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  static final String DB_URL = System.getenv("RRP_TEST_CLUSTER_DB_URL");
  static final String DB_USER = System.getenv().getOrDefault("RRP_TEST_DB_USERNAME", "postgres");
  static final int SMTP_PORT = Integer.getInteger("rrp.test.cluster-smtp-port", 3927);
  /** What the nodes are started with (the policy holds it); the schema step's demo profile created the administrator with the demo password. */
  static final String ADMIN_PASSWORD = "Cluster-Test-Admin-2026!";
  static final int CASES_ACROSS_NODES = 10;
  static final int REMINDER_BURST_CASES = 300;
  static final DeadlineWatches WATCHES = new DeadlineWatches(DB_URL, DB_USER);
  /** Cases triaged into one area at once, from two threads on each node. */
  static final int ALLOCATION_CASES = 32;
  static final int TRIAGE_THREADS_PER_NODE = 2;
  static final String EAST = "area-east-staffs-tamworth";
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final Pattern CASE_REFERENCE = Pattern.compile("RRP-(\\d{4})-(\\d{4,})");
  /** The first instant of the next year in London: the nodes' clock reaches it {@link #newYearReal} (real time). */
  static final Instant NEW_YEAR = LocalDate.now(LONDON).withDayOfYear(1).plusYears(1).atStartOfDay(LONDON).toInstant();
  static Instant newYearReal;
  static final ObjectMapper JSON = new ObjectMapper();
  /** How the engine's REST API writes date-times, e.g. 2026-12-31T23:59:58.123+0000. */
  static final DateTimeFormatter ENGINE_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @RegisterExtension
  static final GreenMailExtension mail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1",
      ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

  static Node nodeA;
  static Node nodeB;

  record Node(String name, int port, Process process, Path log) {
    String url(String path) {
      return "http://localhost:" + port + path;
    }
  }

  @BeforeAll
  static void startTwoNodesOnOneDatabase() throws Exception {
    assumeTrue(DB_URL != null, "RRP_TEST_CLUSTER_DB_URL is not set: the cluster test needs an empty PostgreSQL database");
    // The schema step, as in production: migrate, set up groups, filters and (demo) users, exit.
    Instant schemaStarted = Instant.now();
    Process schema = launch("schema", 0, "prod,migrate,demo");
    assertThat(schema.waitFor(180, TimeUnit.SECONDS)).as("the schema step finishes").isTrue();
    assertThat(schema.exitValue()).as("the schema step succeeds (see target/cluster-schema.log)").isZero();

    // Two nodes starting together on a busy machine took up to four times as long each as the schema step alone,
    // and their first requests are slow too.
    Duration lead = Duration.between(schemaStarted, Instant.now()).multipliedBy(5).plusSeconds(60);
    Duration least = Duration.ofSeconds(Integer.getInteger("rrp.test.cluster-year-end-lead-seconds", 180));
    Instant launched = Instant.now();
    newYearReal = launched.plus(lead.compareTo(least) > 0 ? lead : least);
    nodeA = start("node-a", launched);
    nodeB = start("node-b", launched);
    for (Node node : List.of(nodeA, nodeB)) {
      eventually(Duration.ofSeconds(180), () -> status(get(node, "/engine-rest/engine", "admin")) == 200 ? true : null,
          node.name() + " answers");
    }
  }

  @AfterAll
  static void stopNodes() throws InterruptedException {
    for (Node node : Arrays.asList(nodeA, nodeB)) {
      if (node != null && node.process().isAlive()) {
        node.process().destroy();
        node.process().waitFor(60, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  @Order(-2) // first: the nodes' clock reaches the new year at a set moment after their start
  void caseReferencesStayUniqueAcrossTheYearsEndOnTwoNodes() throws Exception {
    Instant from = NEW_YEAR.minusSeconds(15);
    Instant until = NEW_YEAR.plusSeconds(8);
    String tooLate = "the nodes are ready before their clock reaches the last seconds of the year (give them longer with "
        + "-Drrp.test.cluster-year-end-lead-seconds)";
    assertThat(nodeClock()).as(tooLate).isBefore(from);
    // A first request on each node, while it is still the old year: a node's first requests are slow.
    Map<String, Node> startedOn = Collections.synchronizedMap(new LinkedHashMap<>());
    try {
      for (Node node : List.of(nodeA, nodeB)) {
        startedOn.put(startReferral(node), node);
      }
      assertThat(nodeClock()).as(tooLate).isBefore(from);
      Thread.sleep(Duration.between(nodeClock(), from).toMillis());

      // One referrer on each node, each starting requests one after another across midnight.
      List<Callable<Object>> referrers = new ArrayList<>();
      for (Node node : List.of(nodeA, nodeB)) {
        referrers.add(() -> {
          int afterMidnight = 0;
          while (nodeClock().isBefore(until) || afterMidnight < 2) {
            boolean newYear = !nodeClock().isBefore(NEW_YEAR);
            startedOn.put(startReferral(node), node);
            afterMidnight += newYear ? 1 : 0;
          }
          return null;
        });
      }
      atOnce(referrers);

      int oldYear = NEW_YEAR.atZone(LONDON).getYear() - 1;
      int newYear = oldYear + 1;
      Map<String, Map<String, Object>> history = new HashMap<>();
      for (Map<String, Object> instance : list(get(nodeB, "/engine-rest/history/process-instance?processDefinitionKey=referral",
          "admin"))) {
        history.put((String) instance.get("id"), instance);
      }
      Map<Integer, List<Integer>> numbersByYear = new TreeMap<>();
      Map<Node, TreeSet<Integer>> yearsByNode = new HashMap<>();
      for (Map.Entry<String, Node> started : startedOn.entrySet()) {
        Map<String, Object> instance = history.get(started.getKey());
        String reference = (String) instance.get("businessKey");
        Matcher parts = CASE_REFERENCE.matcher(reference);
        assertThat(parts.matches()).as("reference " + reference).isTrue();
        int year = Integer.parseInt(parts.group(1));
        Instant startedAt = OffsetDateTime.parse((String) instance.get("startTime"), ENGINE_DATE_TIME).toInstant();
        boolean atMidnight = Duration.between(startedAt, NEW_YEAR).abs().compareTo(Duration.ofSeconds(1)) < 0;
        assertThat(year).as(reference + " started at " + startedAt)
            .isIn(atMidnight ? List.of(oldYear, newYear) : List.of(startedAt.atZone(LONDON).getYear()));
        numbersByYear.computeIfAbsent(year, y -> new ArrayList<>()).add(Integer.parseInt(parts.group(2)));
        yearsByNode.computeIfAbsent(started.getValue(), n -> new TreeSet<>()).add(year);
      }
      assertThat(yearsByNode).as("both nodes made references in both years")
          .containsEntry(nodeA, new TreeSet<>(List.of(oldYear, newYear))).containsEntry(nodeB, new TreeSet<>(List.of(oldYear, newYear)));
      // Every referral so far is this test's: each year counts 1, 2, 3, ... with no number twice and none left out.
      assertThat(history).hasSameSizeAs(startedOn);
      for (Map.Entry<Integer, List<Integer>> year : numbersByYear.entrySet()) {
        assertThat(year.getValue()).as("the numbers of " + year.getKey())
            .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, year.getValue().size()).boxed().toList());
      }
    } finally {
      closeThroughAdvice(startedOn); // the later tests count what they started alone
    }
  }

  @Test
  @Order(-1) // before the reminder burst stops node A
  void twoNodesAllocatingInOneAreaAtOnceNeverPickTheSameAdvisorOnAStaleCaseload() throws Exception {
    List<String> advisors = list(get(nodeA, "/engine-rest/user?memberOfGroup=" + EAST, "admin")).stream()
        .map(user -> (String) user.get("id")).sorted().toList();
    assertThat(advisors).as("the area's advisors").hasSizeGreaterThan(1);
    Map<String, Caseload> before = caseloads(advisors);

    Map<String, Node> startedOn = new LinkedHashMap<>();
    for (int i = 0; i < ALLOCATION_CASES; i++) {
      Node node = i % 2 == 0 ? nodeA : nodeB;
      startedOn.put(startReferral(node), node);
    }
    try {
      Map<String, Map<String, Object>> triage = new LinkedHashMap<>();
      for (String id : startedOn.keySet()) {
        triage.put(id, eventually(Duration.ofSeconds(60), () -> withKey(firstTask(nodeA, id), "Task_TriageRequest"),
            "triage task of " + id));
      }

      // Allocation waits (its jobs held) while the coordinators complete every triage but one on each node, at once and
      // half on each node. Then allocation resumes and the last two triages, one on each node, wake both nodes' job
      // executors: both allocate the whole pile at the same time, all in one area.
      List<String> ids = List.copyOf(startedOn.keySet());
      List<String> last = List.of(ids.get(ids.size() - 2), ids.get(ids.size() - 1));
      holdAllocations(true);
      triageAtOnce(ids.subList(0, ids.size() - 2), startedOn, triage, TRIAGE_THREADS_PER_NODE);
      eventually(Duration.ofSeconds(60), () -> count(nodeA, "/engine-rest/job/count?activityId=Task_AllocateAdvisor&suspended=true")
          == ids.size() - 2 ? true : null, "every allocation but two held");
      holdAllocations(false);
      triageAtOnce(last, startedOn, triage, 1);

      Map<String, String> references = new HashMap<>();
      for (String id : ids) {
        references.put((String) object(get(nodeA, "/engine-rest/process-instance/" + id, "cora")).get("businessKey"), id);
      }
      List<Allocation> allocations = eventually(Duration.ofSeconds(180), () -> {
        List<Allocation> made = allocationsOf(references.keySet());
        return made.size() == ALLOCATION_CASES ? made : null;
      }, "every case allocated");

      // Replayed in the order they were decided (each is dated once its area's lock is held), every allocation chose the
      // fairest advisor given all those before it: fewest open cases, then allocated least recently, then by user id.
      Map<String, Caseload> loads = new HashMap<>(before);
      List<String> stale = new ArrayList<>();
      for (Allocation allocation : allocations) {
        String fairest = loads.values().stream().min(FAIREST_FIRST).orElseThrow().advisorId();
        if (!fairest.equals(allocation.advisorId())) {
          stale.add(allocation + " where the caseloads were " + loads.values() + " (fairest: " + fairest + ")");
        }
        Caseload load = loads.get(allocation.advisorId());
        assertThat(load).as(allocation + ": an advisor of the area").isNotNull();
        loads.put(load.advisorId(), new Caseload(load.advisorId(), load.openCases() + 1, allocation.allocatedAt()));
      }
      assertThat(stale).as("allocations decided on a caseload another allocation had already changed").isEmpty();
      IntSummaryStatistics open = caseloads(advisors).values().stream().mapToInt(Caseload::openCases).summaryStatistics();
      assertThat(open.getMax() - open.getMin()).as("the area's open caseloads differ by at most one").isLessThanOrEqualTo(1);
      for (String host : List.of("node-a", "node-b")) {
        assertThat(count(nodeB, "/engine-rest/history/job-log/count?hostname=" + host
            + "&activityIdIn=Task_AllocateAdvisor&successLog=true")).as(host + " allocated cases").isPositive();
      }
    } finally {
      holdAllocations(false);
      closeThroughAdvice(startedOn);
    }
  }

  @Test
  @Order(1)
  void aWebappLoginOnOneNodeKeepsWorkingOnTheOther() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    // Load Tasklist on node A (sets the CSRF cookie), log in there as Tasklist does.
    browser.send(HttpRequest.newBuilder(URI.create(nodeA.url("/camunda/app/tasklist/default/"))).build(),
        HttpResponse.BodyHandlers.discarding());
    String csrf = csrfToken(browser, nodeA);
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create(nodeA.url("/camunda/api/admin/auth/user/default/login/tasklist")))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=cora&password=demo")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);

    // The next requests land on node B (cookies are per host, not per port, as behind a load balancer).
    HttpResponse<String> who = browser.send(HttpRequest.newBuilder(
        URI.create(nodeB.url("/camunda/api/admin/auth/user/default"))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(who.statusCode()).isEqualTo(200);
    assertThat(who.body()).contains("\"userId\":\"cora\"");
    HttpResponse<String> tasks = browser.send(HttpRequest.newBuilder(
        URI.create(nodeB.url("/camunda/api/engine/engine/default/task/count"))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(tasks.statusCode()).isEqualTo(200);
    HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(
            URI.create(nodeB.url("/camunda/api/admin/auth/user/default/logout")))
        .header("X-XSRF-TOKEN", csrfToken(browser, nodeB)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(logout.statusCode()).as("a state-changing request on node B passes its CSRF check").isEqualTo(200);
  }

  @Test
  @Order(2)
  void casesStartedOnOneNodeAreWorkedOnTheOtherAndEndWhereTheyShould() throws Exception {
    Map<String, Node> startedOn = new LinkedHashMap<>();
    for (int i = 0; i < CASES_ACROSS_NODES; i++) {
      Node node = i % 2 == 0 ? nodeA : nodeB;
      startedOn.put(startReferral(node), node);
    }
    closeThroughAdvice(startedOn);
  }

  @Test
  @Order(3)
  void aBurstOfRemindersIsSentExactlyOnceByBothNodesEvenWhenOneStops() throws Exception {
    // Start a few hundred cases (their triage tasks fall due in two working days), then bring every triage task's
    // due date, and with it its deadline watch, to this moment: a few hundred reminders fall due together.
    List<String> references = new ArrayList<>();
    for (int i = 0; i < REMINDER_BURST_CASES; i++) {
      String id = startReferral(i % 2 == 0 ? nodeA : nodeB);
      references.add((String) object(get(nodeA, "/engine-rest/process-instance/" + id, "cora")).get("businessKey"));
    }
    eventually(Duration.ofSeconds(180), () -> WATCHES.count() >= REMINDER_BURST_CASES ? true : null,
        "every triage task watched");
    assertThat(countSubjects("Overdue: Triage request")).as("nothing due yet").isZero();
    WATCHES.makeEveryWatchedTaskDueNow();

    // Stop node A early in the burst (a node works through it in seconds): it finishes what it holds as it shuts
    // down; whatever is left, node B does.
    eventually(Duration.ofSeconds(120), () -> countSubjects("Overdue: Triage request") >= REMINDER_BURST_CASES / 20 ? true : null,
        "the burst under way");
    nodeA.process().destroy();
    assertThat(nodeA.process().waitFor(60, TimeUnit.SECONDS)).as("node A stops").isTrue();

    for (String kind : List.of("Overdue: Triage request", "Escalation: Triage request")) {
      eventually(Duration.ofSeconds(240), () -> references.stream().allMatch(ref -> subjects().contains(subject(kind, ref)))
          ? true : null, "node B finishes every '" + kind + "' of the burst");
    }
    Thread.sleep(3000); // anything sent twice would arrive now

    Map<String, Long> sent = subjects().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(sent.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey).toList())
        .as("no message sent twice").isEmpty();
    for (String ref : references) {
      assertThat(sent).containsEntry(subject("Overdue: Triage request", ref), 1L)
          .containsEntry(subject("Escalation: Triage request", ref), 1L)
          .containsEntry("RRP request received: " + ref, 1L);
    }
    assertThat(count(nodeB, "/engine-rest/history/job-log/count?hostname=node-a&successLog=true")).as("node A did work").isPositive();
    assertThat(count(nodeB, "/engine-rest/history/job-log/count?hostname=node-b&successLog=true")).as("node B did work").isPositive();
    assertThat(count(nodeB, "/engine-rest/incident/count")).as("no incident").isZero();
    assertThat(count(nodeB, "/engine-rest/task/count?processDefinitionKey=referral&taskDefinitionKey=Task_TriageRequest"))
        .as("every burst case still waits for triage").isEqualTo(REMINDER_BURST_CASES);
    assertThat(WATCHES.count()).as("every deadline watch has done its work and ended").isZero();
  }

  // ---- nodes ---------------------------------------------------------------------------------------------------

  /** A node whose case clock reaches the new year at {@link #newYearReal}, as every node's does. */
  static Node start(String name, Instant launched) throws IOException {
    int port = freePort();
    Instant clockStart = NEW_YEAR.minus(Duration.between(launched, newYearReal));
    return new Node(name, port, launch(name, port, "prod", "--rrp.clock.start=" + clockStart,
        "--rrp.clock.start-at=" + launched, "--rrp.clock.allow-in-production=true"), Path.of("target", "cluster-" + name + ".log"));
  }

  /** What the nodes' clock reads now. */
  static Instant nodeClock() {
    return NEW_YEAR.plus(Duration.between(newYearReal, Instant.now()));
  }

  static Process launch(String name, int port, String profiles, String... settings) throws IOException {
    File jar = PackagedJar.find().toFile();
    ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-jar", jar.getAbsolutePath(),
        "--spring.profiles.active=" + profiles, "--server.port=" + port,
        // The schema step creates the demo users the test logs in as (a test-only exception, see DemoInProductionGuard).
        "--rrp.demo.allow-in-production=" + profiles.contains("demo"),
        // An overdue task escalates as soon as it has been reminded: the test's reminder burst.
        "--rrp.reminders.escalate-after-working-days=0");
    builder.command().addAll(List.of(settings));
    Map<String, String> env = builder.environment();
    env.put("RRP_DB_URL", DB_URL);
    env.put("RRP_DB_USER", DB_USER);
    env.put("RRP_NODE_NAME", name);
    env.put("RRP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    // The nodes speak plain HTTP on loopback here; in production behind TLS the session cookie is Secure.
    env.put("RRP_SECURE_COOKIE", "false");
    env.put("RRP_JOB_LOCK_MILLIS", "10000");
    env.put("SPRING_MAIL_HOST", "127.0.0.1");
    env.put("SPRING_MAIL_PORT", String.valueOf(SMTP_PORT));
    builder.redirectErrorStream(true).redirectOutput(Path.of("target", "cluster-" + name + ".log").toFile());
    return builder.start();
  }

  static Node other(Node node) {
    return node == nodeA ? nodeB : nodeA;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  // ---- REST --------------------------------------------------------------------------------------------------

  static String startReferral(Node node) throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>();
    ReferralRequests.valid().forEach((name, v) -> variables.put(name, value(v)));
    HttpResponse<String> started = post(node, "/engine-rest/process-definition/key/referral/submit-form", "rosa",
        Map.of("variables", variables));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return (String) JSON.readValue(started.body(), Map.class).get("id");
  }

  /** Works each case through the other node than it started on: triage (advice and guidance), advice, closure. */
  static void closeThroughAdvice(Map<String, Node> startedOn) throws Exception {
    for (Map.Entry<String, Node> started : startedOn.entrySet()) {
      String id = started.getKey();
      Node other = other(started.getValue());
      Map<String, Object> triage = eventually(Duration.ofSeconds(60), () -> firstTask(other, id), "first task of " + id);
      if ("Task_TriageRequest".equals(triage.get("taskDefinitionKey"))) {
        submit(other, "cora", triage, Map.of(CaseVariables.SERVICE, value("advice-and-guidance"), CaseVariables.AREA, value(EAST)));
      }
    }
    for (Map.Entry<String, Node> started : startedOn.entrySet()) {
      String id = started.getKey();
      Node other = other(started.getValue());
      Map<String, Object> advice = eventually(Duration.ofSeconds(60),
          () -> withKey(firstTask(other, id), "Task_GiveAdviceAndGuidance"), "advice task of " + id);
      submit(other, (String) advice.get("assignee"), advice, Map.of(ReferralVariables.ADVICE_GIVEN, value("A calm start to the day."),
          CaseVariables.CASE_OUTCOME, value("Settled.")));
    }
    for (String id : startedOn.keySet()) {
      eventually(Duration.ofSeconds(60), () -> "COMPLETED".equals(object(get(nodeA, "/engine-rest/history/process-instance/" + id,
          "cora")).get("state")) ? true : null, "case " + id + " closed");
    }
  }

  /** Triage (advice and guidance, in the area {@link #EAST}) by coordinators on each case's node, threads per node at once. */
  static void triageAtOnce(List<String> ids, Map<String, Node> startedOn, Map<String, Map<String, Object>> triage,
      int threadsPerNode) throws Exception {
    Map<Node, List<List<String>>> shares = new LinkedHashMap<>();
    for (Node node : List.of(nodeA, nodeB)) {
      List<String> ofNode = ids.stream().filter(id -> startedOn.get(id) == node).toList();
      List<List<String>> split = new ArrayList<>();
      for (int t = 0; t < threadsPerNode; t++) {
        int from = t;
        split.add(IntStream.range(0, ofNode.size()).filter(i -> i % threadsPerNode == from).mapToObj(ofNode::get).toList());
      }
      shares.put(node, split);
    }
    List<Callable<Object>> coordinators = new ArrayList<>();
    shares.forEach((node, split) -> split.forEach(share -> coordinators.add(() -> {
      for (String id : share) {
        submit(node, "cora", triage.get(id), Map.of(CaseVariables.SERVICE, value("advice-and-guidance"),
            CaseVariables.AREA, value(EAST)));
      }
      return null;
    })));
    atOnce(coordinators);
  }

  /** Runs the calls each in a thread of its own, released together; fails as the first that failed. */
  static void atOnce(List<Callable<Object>> calls) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(calls.size());
    try {
      List<Future<Object>> done = new ArrayList<>();
      for (Callable<Object> call : calls) {
        done.add(threads.submit(() -> {
          go.await();
          return call.call();
        }));
      }
      go.countDown();
      for (Future<Object> each : done) {
        each.get(180, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /** Suspends (or activates) the referral's allocation jobs, those waiting and those to come. */
  static void holdAllocations(boolean held) throws Exception {
    for (Map<String, Object> definition : list(get(nodeA, "/engine-rest/job-definition?processDefinitionKey=referral"
        + "&activityIdIn=Task_AllocateAdvisor", "admin"))) {
      HttpResponse<String> response = send(nodeA, "PUT", "/engine-rest/job-definition/" + definition.get("id") + "/suspended",
          "admin", Map.of("suspended", held, "includeJobs", true));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }
  }

  static void submit(Node node, String user, Map<String, Object> task, Map<String, Object> variables) throws Exception {
    HttpResponse<String> response = post(node, "/engine-rest/task/" + task.get("id") + "/submit-form", user,
        Map.of("variables", variables));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }

  static Map<String, Object> firstTask(Node node, String processInstanceId) {
    List<Map<String, Object>> tasks = list(get(node, "/engine-rest/task?processInstanceId=" + processInstanceId, "cora"));
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  static Map<String, Object> withKey(Map<String, Object> task, String key) {
    return task != null && key.equals(task.get("taskDefinitionKey")) ? task : null;
  }

  static Map<String, Object> value(Object value) {
    return Map.of("value", value);
  }

  static long count(Node node, String path) {
    return ((Number) object(get(node, path, "admin")).get("count")).longValue();
  }

  static HttpResponse<String> get(Node node, String path, String user) {
    try {
      return HTTP.send(request(node, path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> post(Node node, String path, String user, Object body) throws Exception {
    return send(node, "POST", path, user, body);
  }

  static HttpResponse<String> send(Node node, String method, String path, String user, Object body) throws Exception {
    return HTTP.send(request(node, path, user).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest.Builder request(Node node, String path, String user) {
    String password = "demo";
    return HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(30)).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  static int status(HttpResponse<String> response) {
    return response == null ? -1 : response.statusCode();
  }

  static Map<String, Object> object(HttpResponse<String> response) {
    try {
      return JSON.readValue(response.body(), new TypeReference<>() {
      });
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Map<String, Object>> list(HttpResponse<String> response) {
    try {
      return JSON.readValue(response.body(), new TypeReference<>() {
      });
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String csrfToken(HttpClient browser, Node node) {
    CookieManager cookies = (CookieManager) browser.cookieHandler().orElseThrow();
    return cookies.getCookieStore().get(URI.create(node.url("/camunda/"))).stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
  }

  // ---- the allocation table, read as the nodes wrote it ----------------------------------------------------------

  record Caseload(String advisorId, int openCases, Instant lastAllocatedAt) {
    @Override
    public String toString() {
      return advisorId + ": " + openCases + " open, last " + lastAllocatedAt;
    }
  }

  record Allocation(String caseReference, String advisorId, Instant allocatedAt) {
  }

  /** The allocation rule's order (AdvisorAllocationService): fewest open cases, allocated least recently, user id. */
  static final Comparator<Caseload> FAIREST_FIRST = Comparator.comparingInt(Caseload::openCases)
      .thenComparing(Caseload::lastAllocatedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Caseload::advisorId);

  static Map<String, Caseload> caseloads(List<String> advisorIds) throws SQLException {
    Map<String, Caseload> caseloads = new HashMap<>();
    try (Connection db = database(); PreparedStatement query = db.prepareStatement("select count(*) filter (where closed_at is null), "
        + "max(allocated_at) from rrp_case_allocation where advisor_id = ?")) {
      for (String advisorId : advisorIds) {
        query.setString(1, advisorId);
        try (ResultSet row = query.executeQuery()) {
          row.next();
          caseloads.put(advisorId, new Caseload(advisorId, row.getInt(1),
              row.getTimestamp(2) == null ? null : row.getTimestamp(2).toInstant()));
        }
      }
    }
    return caseloads;
  }

  /** The allocations of these cases, in the order they were dated. */
  static List<Allocation> allocationsOf(Collection<String> caseReferences) {
    List<Allocation> allocations = new ArrayList<>();
    try (Connection db = database(); PreparedStatement query = db.prepareStatement("select case_reference, advisor_id, "
        + "allocated_at from rrp_case_allocation where case_reference = any (?) order by allocated_at")) {
      query.setArray(1, db.createArrayOf("varchar", caseReferences.toArray()));
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          allocations.add(new Allocation(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return allocations;
  }

  static Connection database() throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", DB_USER);
    return DriverManager.getConnection(DB_URL, login);
  }

  // ---- mail ----------------------------------------------------------------------------------------------------

  static String subject(String kind, String reference) {
    return kind + " (case " + reference + ")" + (kind.startsWith("Escalation") ? " is overdue" : "");
  }

  static List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      try {
        subjects.add(message.getSubject());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return subjects;
  }

  static long countSubjects(String prefix) {
    return subjects().stream().filter(s -> s.startsWith(prefix)).count();
  }

  static <T> T eventually(Duration limit, Supplier<T> probe, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      T answer = probe.get();
      if (answer != null) {
        return answer;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
  }
}
