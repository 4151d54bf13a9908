package org.rrp.workflow.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client of one application node: {@code /engine-rest} with HTTP Basic as each role (every demo password is
 * {@code demo}, the administrator's as given), and the webapps' API with a Tasklist login, as Tasklist calls it.
 */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();

  record Answer(int status, String body) {
    Map<String, Object> object() {
      return read(new TypeReference<>() {
      });
    }

    List<Map<String, Object>> list() {
      return read(new TypeReference<>() {
      });
    }

    Answer expect(int expected, String what) {
      if (status != expected) {
        throw new IllegalStateException(what + ": HTTP " + status + " " + body);
      }
      return this;
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
  private final String adminPassword;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Http(int port, String adminPassword) {
    this.base = "http://localhost:" + port;
    this.adminPassword = adminPassword;
  }

  Answer rest(String user, String method, String path, Object body) {
    String password = "admin".equals(user) ? adminPassword : "demo";
    return send(client, HttpRequest.newBuilder(URI.create(base + "/engine-rest/" + path)).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))),
        method, body, "application/json");
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
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String csrf;

    private Tasklist(String user) {
      token("/camunda/app/tasklist/default/");
      Answer login = exchange(browser, HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("X-XSRF-TOKEN", csrf).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password=demo")).build());
      login.expect(200, "Tasklist login of " + user);
      token("/camunda/api/admin/auth/user/default");
    }

    private void token(String path) {
      try {
        browser.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString())
            .headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrf = token);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** A call of the webapps' engine API, e.g. {@code filter/<id>/list}; {@code hal} asks for Tasklist's HAL answer. */
    Answer call(String method, String path, Object body, boolean hal) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/" + path));
      if (csrf != null) {
        request.header("X-XSRF-TOKEN", csrf);
      }
      return send(browser, request, method, body, hal ? "application/hal+json" : "application/json");
    }
  }

  private static Answer send(HttpClient via, HttpRequest.Builder request, String method, Object body, String accept) {
    try {
      String json = body == null ? null : body instanceof String text ? text : JSON.writeValueAsString(body);
      request.timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json").header("Accept", accept);
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
}
