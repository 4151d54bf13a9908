package org.rrp.workflow.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions of visitors who have not logged in last minutes, not the logged-in half hour. The webapps keep their
 * CSRF token in the session, so the login page needs one; but an anonymous client requesting pages over and over
 * must not fill the shared session table. A session becomes a logged-in one (and lives as long as configured) the
 * moment its user logs in; Spring Session's cleanup removes the expired ones.
 */
class AnonymousSessions extends OncePerRequestFilter {

  /** Where the webapps keep who is logged in (Camunda's {@code AuthenticationUtil}). */
  static final String AUTHENTICATIONS = "authenticatedUser";

  private final int anonymousSeconds;
  private final int loggedInSeconds;

  AnonymousSessions(Duration anonymous, Duration loggedIn) {
    this.anonymousSeconds = (int) anonymous.toSeconds();
    this.loggedInSeconds = (int) loggedIn.toSeconds();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } finally {
      HttpSession session = request.getSession(false);
      if (session != null) {
        try {
          int wanted = isLoggedIn(session) ? loggedInSeconds : anonymousSeconds;
          if (session.getMaxInactiveInterval() != wanted) {
            session.setMaxInactiveInterval(wanted);
          }
        } catch (IllegalStateException invalidated) {
          // logged out during the request: nothing to keep
        }
      }
    }
  }

  static boolean isLoggedIn(HttpSession session) {
    return session.getAttribute(AUTHENTICATIONS) instanceof Authentications authentications
        && !authentications.getAuthentications().isEmpty();
  }
}
