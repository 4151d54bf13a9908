package org.rrp.workflow.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing down per client address, not per user: after {@code maxFailures} failed logins (HTTP
 * Basic on the REST API, or the webapps' login form) within {@code window}, that address gets 429 Too Many Requests
 * until its oldest failure leaves the window. A user is never locked: an anonymous client cannot keep the
 * administrator (or anyone) out; it only keeps itself out. Behind a proxy, the client's address comes from
 * {@code X-Forwarded-For} once {@code server.forward-headers-strategy=native} is set (see README).
 */
class LoginThrottle extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  static final int MAX_ADDRESSES = 10_000;

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

  LoginThrottle(int maxFailures, Duration window, Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!isLogin(request)) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    long now = clock.millis();
    Deque<Long> recent = failures.get(address);
    if (recent != null) {
      synchronized (recent) {
        while (!recent.isEmpty() && recent.peekFirst() <= now - window.toMillis()) {
          recent.pollFirst();
        }
        if (recent.size() >= maxFailures) {
          long retryAfter = Math.max(1, (recent.peekFirst() + window.toMillis() - now) / 1000);
          response.setStatus(429);
          response.setHeader("Retry-After", String.valueOf(retryAfter));
          response.setContentType("application/json");
          response.getWriter().write("{\"type\":\"TooManyLoginFailures\",\"message\":\"Too many failed logins from "
              + "this address: try again later.\"}");
          return;
        }
      }
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      if (failures.size() >= MAX_ADDRESSES) {
        failures.clear();
      }
      Deque<Long> list = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
      synchronized (list) {
        list.addLast(now);
        if (list.size() == maxFailures) {
          LOG.warn("Login failures from one address reached {} within {}: its logins wait", maxFailures, window);
        }
      }
    }
  }

  /** A REST call with credentials, or the webapps' login form. */
  private static boolean isLogin(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/engine-rest/")) {
      return request.getHeader("Authorization") != null;
    }
    return "POST".equals(request.getMethod()) && path.matches("^/camunda/api/admin/auth/user/[^/]+/login/.*$");
  }
}
