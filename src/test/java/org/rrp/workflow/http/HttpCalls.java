package org.rrp.workflow.http;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How the tests and the benchmark call the application over HTTP, as its clients do: {@code /engine-rest} with HTTP
 * Basic, JSON in and out, and the webapps with a login (session cookie and CSRF token) as Tasklist or Cockpit makes it.
 */
public final class HttpCalls {

  public static final ObjectMapper JSON = new ObjectMapper();

  private HttpCalls() {
  }

  /** The value of an {@code Authorization} header for HTTP Basic. */
  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Sends {@code body} (a JSON text, or an object written as JSON; none when null) and reads the answer. */
  public static Answer send(HttpClient via, HttpRequest.Builder request, String method, Object body, String accept) {
    try {
      String json = body == null ? null : body instanceof String text ? text : JSON.writeValueAsString(body);
      request.header("Content-Type", "application/json").header("Accept", accept);
      request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
      return exchange(via, request.build());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends {@code parts} as {@code multipart/form-data}, as a browser uploads a form with files: text values as text
   * parts, a {@code ByteArrayResource} with a file name as a file.
   */
  public static Answer sendMultipart(HttpClient via, HttpRequest.Builder request, MultiValueMap<String, Object> parts,
      String accept) {
    try {
      MockHttpOutputMessage upload = new MockHttpOutputMessage();
      new FormHttpMessageConverter().write(parts, MediaType.MULTIPART_FORM_DATA, upload);
      request.header("Content-Type", String.valueOf(upload.getHeaders().getContentType())).header("Accept", accept);
      request.POST(HttpRequest.BodyPublishers.ofByteArray(upload.getBodyAsBytes()));
      return exchange(via, request.build());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Answer exchange(HttpClient via, HttpRequest request) {
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

  /**
   * A login to one of the webapps ({@code tasklist}, {@code cockpit}, {@code admin}) as a browser makes it: the CSRF
   * token from a page, the login, then the token of the logged-in session, all kept with the session cookie.
   */
  public static final class WebappLogin {
    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    private String csrf;

    public WebappLogin(String base, String app, String user, String password) {
      this.base = base;
      refreshToken("/camunda/app/tasklist/default/");
      exchange(browser, HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
          .header("X-XSRF-TOKEN", csrf).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build())
          .expect(200, "login of " + user + " to " + app);
      refreshToken("/camunda/api/admin/auth/user/default");
    }

    private void refreshToken(String path) {
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

    public CookieManager cookies() {
      return cookies;
    }

    /** A GET of an absolute path of the application, as the logged-in browser, accepting {@code accept}. */
    public Answer get(String absolutePath, String accept) {
      return exchange(browser, HttpRequest.newBuilder(URI.create(base + absolutePath)).header("Accept", accept).GET().build());
    }

    /** An upload ({@code multipart/form-data}) that carries the session's CSRF token. */
    public Answer upload(HttpRequest.Builder request, MultiValueMap<String, Object> parts, String accept) {
      if (csrf != null) {
        request.header("X-XSRF-TOKEN", csrf);
      }
      return sendMultipart(browser, request, parts, accept);
    }

    /** A call with a JSON body (or none) that carries the session's CSRF token. */
    public Answer call(HttpRequest.Builder request, String method, Object body, String accept) {
      if (csrf != null) {
        request.header("X-XSRF-TOKEN", csrf);
      }
      return send(browser, request, method, body, accept);
    }
  }
}
