package org.rrp.workflow.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.rrp.workflow.identity.RrpGroups;

/** Who calls an engine API: from HTTP Basic on {@code /engine-rest}, from the webapp session on the webapps' API. */
record ApiCaller(String userId, List<String> groupIds) {

  static final ApiCaller ANONYMOUS = new ApiCaller(null, List.of());

  boolean isAnonymous() {
    return userId == null;
  }

  boolean isAdministrator() {
    return groupIds.contains(RrpGroups.ADMINS);
  }

  boolean isIn(String groupId) {
    return groupIds.contains(groupId);
  }

  /** After the REST authentication filter: the engine's current authentication of this thread. */
  static ApiCaller ofRest(IdentityService identityService) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return ANONYMOUS;
    }
    return new ApiCaller(authentication.getUserId(),
        authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds()));
  }

  /** The webapps' login, kept in the session (none for an anonymous visitor). */
  static ApiCaller ofWebapp(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return ANONYMOUS;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null
        || !(authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user)) {
      return ANONYMOUS;
    }
    return new ApiCaller(user.getIdentityId(), user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()));
  }
}
