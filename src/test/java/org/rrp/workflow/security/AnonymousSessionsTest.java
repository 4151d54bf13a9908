package org.rrp.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rrp.workflow.WholeAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** An anonymous visitor's session lasts minutes; a logged-in one the configured half hour. */
@WholeAppTest
class AnonymousSessionsTest {

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void anAnonymousVisitorsSessionIsShortLivedAndLoggingInGivesTheFullSpan() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(intervalOf(cookies)).as("anonymous").containsOnly(120);

    Api.Session rosa = new Api(port).login("rosa");

    assertThat(jdbc.queryForList("select max_inactive_interval from spring_session where session_id = ?", Integer.class,
        rosa.sessionId())).as("logged in").containsOnly(1800);
  }

  private List<Integer> intervalOf(CookieManager cookies) {
    String id = cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("SESSION"))
        .findFirst().orElseThrow().getValue();
    String sessionId = new String(java.util.Base64.getDecoder().decode(id));
    return jdbc.queryForList("select max_inactive_interval from spring_session where session_id = ?", Integer.class, sessionId);
  }
}
