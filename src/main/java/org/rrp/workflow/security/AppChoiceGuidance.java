package org.rrp.workflow.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A person who logs in to a webapp their role does not use (a manager to Tasklist, an advisor to Cockpit) is told
 * where their work is, instead of the login page's "wrong credentials, locked user or missing access rights". The
 * webapps answer such a login 403 only after the password was checked, so the answer reveals nothing to someone
 * without the password. The login page shows the answer's message.
 */
final class AppChoiceGuidance extends OncePerRequestFilter {

  static final Pattern LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/([^/]+)/login/([^/]+)/?$");
  /** The webapps a role may use, in the order they are offered, with the words people know them by. */
  static final Map<String, String> APPS = Map.of("tasklist", "Tasklist", "cockpit", "Cockpit", "admin", "Admin");
  static final List<String> ORDER = List.of("tasklist", "cockpit", "admin");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;

  AppChoiceGuidance(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !LOGIN.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HeldError answer = new HeldError(response);
    ContentCachingRequestWrapper login = new ContentCachingRequestWrapper(request, 4096);
    chain.doFilter(login, answer);
    String user = username(login.getContentAsString());
    Matcher app = LOGIN.matcher(request.getRequestURI());
    if (answer.held == HttpServletResponse.SC_FORBIDDEN && user != null && app.matches()) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getOutputStream().write(JSON.writeValueAsBytes(Map.of("type", "AuthorizationException",
          "message", guidance(user, app.group(2)))));
    } else if (answer.held != 0) {
      response.sendError(answer.held);
    }
  }

  /** The login's refusal, held back until it is known whether to explain it (the webapps send it as an error). */
  private static final class HeldError extends HttpServletResponseWrapper {
    int held;

    HeldError(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status) {
      held = status;
    }

    @Override
    public void sendError(int status, String message) {
      held = status;
    }
  }

  /** The user name of a login form as the webapps post it (read after the webapps read it: nothing is consumed twice). */
  static String username(String form) {
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && "username".equals(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8))) {
        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** Where this user's work is, in one sentence. */
  String guidance(String userId, String refusedApp) {
    List<String> usable = WithoutAuthorization.call(engine, () -> {
      List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
          .map(Group::getId).toList();
      return ORDER.stream().filter(app -> !app.equals(refusedApp))
          .filter(app -> engine.getAuthorizationService().isUserAuthorized(userId, groups, Permissions.ACCESS, Resources.APPLICATION, app))
          .toList();
    });
    String refused = APPS.getOrDefault(refusedApp, "this application");
    if (usable.isEmpty()) {
      return "Your account does not use " + refused + " or any other part of the system: ask the team's administrator.";
    }
    String go = usable.stream().map(app -> APPS.get(app) + " (/camunda/app/" + app + "/)")
        .reduce((a, b) -> a + " or " + b).orElseThrow();
    return "Your account does not use " + refused + ": your work is in " + go + ".";
  }
}
