package org.rrp.workflow.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The application's engine APIs as a client sees them: {@code /engine-rest} with HTTP Basic, and the webapps' API
 * ({@code /camunda/api/engine/engine/default}) with a Tasklist/Cockpit login (session cookie and CSRF token).
 * Every demo user's password is {@code demo}.
 */
public final class Api {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String WEBAPP = "/camunda/api/engine/engine/default/";

  public record Answer(int status, String body) {
    public Map<String, Object> object() {
      return read(new TypeReference<>() {
      });
    }

    List<Map<String, Object>> list() {
      return read(new TypeReference<>() {
      });
    }

    private <T> T read(TypeReference<T> type) {
      try {
        return JSON.readValue(body, type);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body, e);
      }
    }
  }

  private final String base;
  private final HttpClient client = HttpClient.newHttpClient();

  public Api(int port) {
    this.base = "http://localhost:" + port;
  }

  Answer rest(String user, String method, String path, Object body) {
    return send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/" + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))),
        method, body);
  }

  Answer restAs(String user, String password, String path) {
    return send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/" + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))),
        "GET", null);
  }

  /** The headers (lower-case names, first values) of a GET on the REST API. */
  Map<String, String> restHeaders(String user, String path) {
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/" + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
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
    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    private String csrf;

    private Session(String user) {
      refreshToken("/camunda/app/tasklist/default/");
      String app = "max".equals(user) ? "cockpit" : "admin".equals(user) ? "admin" : "tasklist";
      HttpRequest login = HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
          .header("X-XSRF-TOKEN", csrf).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo"))
          .build();
      Answer answer = exchange(browser, login);
      if (answer.status() != 200) {
        throw new IllegalStateException("login of " + user + " failed: " + answer);
      }
      refreshToken("/camunda/api/admin/auth/user/default");
    }

    private void refreshToken(String path) {
      try {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrf = token);
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The id of this login's session (Spring Session keeps it Base64-encoded in the SESSION cookie). */
    public String sessionId() {
      return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("SESSION"))
          .map(cookie -> new String(java.util.Base64.getDecoder().decode(cookie.getValue()))).findFirst().orElseThrow();
    }

    /** A GET of any path of the webapps (e.g. a Cockpit plugin's API or its script), as the logged-in browser. */
    public Answer get(String absolutePath) {
      return exchange(browser, HttpRequest.newBuilder(URI.create(base + absolutePath)).header("Accept", "*/*").GET().build());
    }

    /** A GET of a page, as the browser asks for one (HTML first). */
    public Answer page(String absolutePath) {
      return exchange(browser, HttpRequest.newBuilder(URI.create(base + absolutePath))
          .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build());
    }

    Answer call(String method, String path, Object body) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + WEBAPP + path));
      if (csrf != null) {
        request.header("X-XSRF-TOKEN", csrf);
      }
      return Api.this.send(browser, request, method, body);
    }
  }

  private Answer send(HttpRequest.Builder request, String method, Object body) {
    return send(client, request, method, body);
  }

  private Answer send(HttpClient via, HttpRequest.Builder request, String method, Object body) {
    try {
      String json = body == null ? null : body instanceof String text ? text : JSON.writeValueAsString(body);
      request.header("Content-Type", "application/json").header("Accept", "application/json");
      request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
      return exchange(via, request.build());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Answer exchange(HttpClient via, HttpRequest request) {
    try {
      HttpResponse<String> response = via.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
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
