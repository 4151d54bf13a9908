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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
  static final ObjectMapper JSON = new ObjectMapper();
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
    Process schema = launch("schema", 0, "prod,migrate,demo");
    assertThat(schema.waitFor(180, TimeUnit.SECONDS)).as("the schema step finishes").isTrue();
    assertThat(schema.exitValue()).as("the schema step succeeds (see target/cluster-schema.log)").isZero();

    nodeA = start("node-a");
    nodeB = start("node-b");
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
    List<String> cases = new ArrayList<>();
    Map<String, Node> startedOn = new HashMap<>();
    for (int i = 0; i < CASES_ACROSS_NODES; i++) {
      Node node = i % 2 == 0 ? nodeA : nodeB;
      String id = startReferral(node);
      cases.add(id);
      startedOn.put(id, node);
    }
    for (String id : cases) {
      Node other = other(startedOn.get(id));
      Map<String, Object> triage = eventually(Duration.ofSeconds(60), () -> firstTask(other, id), "triage task of " + id);
      submit(other, "cora", triage, Map.of(CaseVariables.SERVICE, value("advice-and-guidance"), CaseVariables.AREA, value("area-east-staffs-tamworth")));
    }
    for (String id : cases) {
      Node other = other(startedOn.get(id));
      Map<String, Object> advice = eventually(Duration.ofSeconds(60),
          () -> withKey(firstTask(other, id), "Task_GiveAdviceAndGuidance"), "advice task of " + id);
      submit(other, (String) advice.get("assignee"), advice, Map.of(ReferralVariables.ADVICE_GIVEN, value("A calm start to the day."),
          CaseVariables.CASE_OUTCOME, value("Settled.")));
    }
    for (String id : cases) {
      eventually(Duration.ofSeconds(60), () -> "COMPLETED".equals(object(get(nodeA, "/engine-rest/history/process-instance/" + id,
          "cora")).get("state")) ? true : null, "case " + id + " closed");
    }
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

  static Node start(String name) throws IOException {
    int port = freePort();
    return new Node(name, port, launch(name, port, "prod"), Path.of("target", "cluster-" + name + ".log"));
  }

  static Process launch(String name, int port, String profiles) throws IOException {
    File jar = Files.list(Path.of("target"))
        .filter(p -> p.getFileName().toString().matches("rrp-workflow-.*\\.jar")).findFirst()
        .orElseThrow(() -> new IllegalStateException("package the application first (mvn verify)")).toFile();
    ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-jar", jar.getAbsolutePath(),
        "--spring.profiles.active=" + profiles, "--server.port=" + port,
        // The schema step creates the demo users the test logs in as (a test-only exception, see DemoInProductionGuard).
        "--rrp.demo.allow-in-production=" + profiles.contains("demo"),
        // An overdue task escalates as soon as it has been reminded: the test's reminder burst.
        "--rrp.reminders.escalate-after-working-days=0");
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
