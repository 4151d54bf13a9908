package org.rrp.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServletResponse;

/** Password guessing is slowed per client address: the guesser waits, the user it guesses at does not. */
class LoginThrottleTest {

  final MutableClock clock = new MutableClock();
  final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(5), clock);

  @Test
  void guessingAddressWaitsWhileTheAdministratorElsewhereLogsIn() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(login("203.0.113.9", HttpServletResponse.SC_UNAUTHORIZED)).isEqualTo(401);
    }

    assertThat(login("203.0.113.9", HttpServletResponse.SC_OK)).as("the guesser, even with the right password").isEqualTo(429);
    assertThat(login("198.51.100.7", HttpServletResponse.SC_OK)).as("the administrator at their desk").isEqualTo(200);

    clock.now = clock.now.plus(Duration.ofMinutes(5));
    assertThat(login("203.0.113.9", HttpServletResponse.SC_OK)).as("after the window").isEqualTo(200);
  }

  @Test
  void requestsWithoutCredentialsAreNotCounted() throws Exception {
    for (int i = 0; i < 5; i++) {
      MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
      request.setRemoteAddr("203.0.113.9");
      MockHttpServletResponse response = new MockHttpServletResponse();
      throttle.doFilter(request, response, answering(401));
    }
    assertThat(login("203.0.113.9", HttpServletResponse.SC_OK)).isEqualTo(200);
  }

  private int login(String address, int answer) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
    request.setRemoteAddr(address);
    request.addHeader("Authorization", "Basic YWRtaW46Z3Vlc3M=");
    MockHttpServletResponse response = new MockHttpServletResponse();
    throttle.doFilter(request, response, answering(answer));
    return response.getStatus();
  }

  private static MockFilterChain answering(int status) {
    return new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
      @Override
      protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
        res.setStatus(status);
      }
    });
  }

  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-03-02T09:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public long millis() {
      return now.toEpochMilli();
    }
  }
}
