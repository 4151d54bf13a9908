package org.rrp.workflow.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * HTTP Basic authentication on the REST API, as Camunda Run does it, answered from {@link VerifiedCredentials} when the
 * same user sent the same password a moment ago: the engine checks the password and reads the user's groups and
 * tenants only on the first call (or after an identity change), not on every call of a burst.
 */
public final class CachedBasicAuthentication extends ProcessEngineAuthenticationFilter {

  private final VerifiedCredentials credentials;

  public CachedBasicAuthentication(VerifiedCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    super.init(filterConfig);
    authenticationProvider = new Provider(credentials);
  }

  static final class Provider extends HttpBasicAuthenticationProvider {

    private final VerifiedCredentials credentials;

    Provider(VerifiedCredentials credentials) {
      this.credentials = credentials;
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      String[] sent = userAndPassword(request.getHeader("Authorization"));
      long generation = credentials.generation();
      if (sent != null) {
        Optional<VerifiedCredentials.Entry> verified = credentials.verified(sent[0], sent[1]);
        if (verified.isPresent()) {
          return withMemberships(AuthenticationResult.successful(sent[0]), verified.get().groupIds(), verified.get().tenantIds());
        }
      }
      AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
      if (result.isAuthenticated() && sent != null && sent[0].equals(result.getAuthenticatedUser())) {
        IdentityService identity = engine.getIdentityService();
        List<String> groupIds = identity.createGroupQuery().groupMember(sent[0]).list().stream().map(Group::getId).toList();
        List<String> tenantIds = identity.createTenantQuery().userMember(sent[0]).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId).toList();
        credentials.remember(sent[0], sent[1], groupIds, tenantIds, generation);
        withMemberships(result, groupIds, tenantIds);
      }
      return result;
    }

    private static AuthenticationResult withMemberships(AuthenticationResult result, List<String> groupIds, List<String> tenantIds) {
      result.setGroups(groupIds);
      result.setTenants(tenantIds);
      return result;
    }

    /** The user id and password of a well-formed Basic header, else null (then the engine's provider answers). */
    static String[] userAndPassword(String header) {
      if (header == null || !header.startsWith("Basic ")) {
        return null;
      }
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.substring("Basic ".length()).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
      int colon = decoded.indexOf(':');
      return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
  }
}
