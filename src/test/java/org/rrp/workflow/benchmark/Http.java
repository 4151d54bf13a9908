package org.rrp.workflow.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

import org.rrp.workflow.http.Answer;
import org.rrp.workflow.http.HttpCalls;

/**
 * A client of one application node: {@code /engine-rest} with HTTP Basic as each role (every demo password is
 * {@code demo}, the administrator's as given), and the webapps' API with a Tasklist login, as Tasklist calls it.
 * A call may take two minutes, as under the benchmark's load.
 */
final class Http {

  static final Duration CALL_LIMIT = Duration.ofSeconds(120);

  private final String base;
  private final String adminPassword;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Http(int port, String adminPassword) {
    this.base = "http://localhost:" + port;
    this.adminPassword = adminPassword;
  }

  Answer rest(String user, String method, String path, Object body) {
    String password = "admin".equals(user) ? adminPassword : "demo";
    return HttpCalls.send(client, HttpRequest.newBuilder(URI.create(base + "/engine-rest/" + path)).timeout(CALL_LIMIT)
        .header("Authorization", HttpCalls.basic(user, password)), method, body, "application/json");
  }

  Answer get(String user, String path) {
    return rest(user, "GET", path, null);
  }

  Answer post(String user, String path, Object body) {
    return rest(user, "POST", path, body);
  }

  long count(String user, String path) {
    return ((Number) get(user, path).expect(200, path).object().get("count")).longValue();
  }

  /** The HTTP status of an unauthenticated-or-not GET, or -1 while nothing listens. */
  int probe(String user, String path) {
    try {
      return rest(user, "GET", path, null).status();
    } catch (IllegalStateException e) {
      return -1;
    }
  }

  /** A Tasklist login: the session cookie and CSRF token a browser keeps. */
  Tasklist tasklist(String user) {
    return new Tasklist(user);
  }

  final class Tasklist {
    private final HttpCalls.WebappLogin login;

    private Tasklist(String user) {
      login = new HttpCalls.WebappLogin(base, "tasklist", user, "demo");
    }

    /** A call of the webapps' engine API, e.g. {@code filter/<id>/list}; {@code hal} asks for Tasklist's HAL answer. */
    Answer call(String method, String path, Object body, boolean hal) {
      return login.call(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/" + path)).timeout(CALL_LIMIT),
          method, body, hal ? "application/hal+json" : "application/json");
    }
  }
}
