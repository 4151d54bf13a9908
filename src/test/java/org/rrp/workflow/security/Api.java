package org.rrp.workflow.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

import org.rrp.workflow.http.Answer;
import org.rrp.workflow.http.HttpCalls;
import org.springframework.util.MultiValueMap;

/**
 * The application's engine APIs as a client sees them: {@code /engine-rest} with HTTP Basic, and the webapps' API
 * ({@code /camunda/api/engine/engine/default}) with a Tasklist/Cockpit login (session cookie and CSRF token).
 * Every demo user's password is {@code demo}.
 */
public final class Api {

  static final String WEBAPP = "/camunda/api/engine/engine/default/";

  private final String base;
  private final HttpClient client = HttpClient.newHttpClient();

  public Api(int port) {
    this.base = "http://localhost:" + port;
  }

  Answer rest(String user, String method, String path, Object body) {
    return HttpCalls.send(client, HttpRequest.newBuilder(URI.create(base + "/engine-rest/" + path))
        .header("Authorization", HttpCalls.basic(user, "demo")), method, body, "application/json");
  }

  /** An upload ({@code multipart/form-data}) to the REST API. */
  Answer restUpload(String user, String path, MultiValueMap<String, Object> parts) {
    return HttpCalls.sendMultipart(client, HttpRequest.newBuilder(URI.create(base + "/engine-rest/" + path))
        .header("Authorization", HttpCalls.basic(user, "demo")), parts, "application/json");
  }

  Answer restAs(String user, String password, String path) {
    return HttpCalls.send(client, HttpRequest.newBuilder(URI.create(base + "/engine-rest/" + path))
        .header("Authorization", HttpCalls.basic(user, password)), "GET", null, "application/json");
  }

  /** The headers (lower-case names, first values) of a GET on the REST API. */
  Map<String, String> restHeaders(String user, String path) {
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/" + path))
          .header("Authorization", HttpCalls.basic(user, "demo")).GET().build(), HttpResponse.BodyHandlers.ofString());
      Map<String, String> headers = new java.util.HashMap<>();
      response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
      return headers;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A webapp login, as Tasklist or Cockpit makes it. */
  public Session login(String user) {
    return new Session(user);
  }

  public final class Session {
    private final HttpCalls.WebappLogin login;

    private Session(String user) {
      String app = "max".equals(user) ? "cockpit" : "admin".equals(user) ? "admin" : "tasklist";
      login = new HttpCalls.WebappLogin(base, app, user, "demo");
    }

    /** The id of this login's session (Spring Session keeps it Base64-encoded in the SESSION cookie). */
    public String sessionId() {
      return login.cookies().getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("SESSION"))
          .map(cookie -> new String(Base64.getDecoder().decode(cookie.getValue()))).findFirst().orElseThrow();
    }

    /** A GET of any path of the webapps (e.g. a Cockpit plugin's API or its script), as the logged-in browser. */
    public Answer get(String absolutePath) {
      return login.get(absolutePath, "*/*");
    }

    /** A GET of a page, as the browser asks for one (HTML first). */
    public Answer page(String absolutePath) {
      return login.get(absolutePath, "text/html,application/xhtml+xml,*/*;q=0.8");
    }

    /** An upload ({@code multipart/form-data}) to the webapps' engine API, as the logged-in browser. */
    public Answer upload(String path, MultiValueMap<String, Object> parts) {
      return login.upload(HttpRequest.newBuilder(URI.create(base + WEBAPP + path)), parts, "application/json");
    }

    /** A call of the webapps' engine API (a path after the engine's name), as the logged-in browser. */
    public Answer call(String method, String path, Object body) {
      return login.call(HttpRequest.newBuilder(URI.create(base + WEBAPP + path)), method, body, "application/json");
    }
  }

  /** Variables typed as the REST API takes them. */
  static Map<String, Object> typed(Map<String, ?> values) {
    Map<String, Object> typed = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, value instanceof Map<?, ?> v ? v : Map.of("value", value)));
    return typed;
  }

  /** Waits (bounded) for the job executor; returns the first non-null answer. */
  static <T> T eventually(Supplier<T> probe) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      T answer = probe.get();
      if (answer != null) {
        return answer;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("nothing happened within 30 seconds");
  }
}
