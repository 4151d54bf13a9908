package org.rrp.workflow.cases;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The logged-in reader's case lists ({@link CaseList#viewsFor}) as JSON: {@code {"views": [...]}}, empty for a
 * role that follows no cases. Anyone not logged in to this engine gets 401.
 */
public class CasesResource extends AbstractTasklistPluginResource {

  private final CaseList cases;

  CasesResource(String engineName, CaseList cases) {
    super(engineName);
    this.cases = cases;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response views() {
    Authentications current = Authentications.getCurrent();
    if (current == null || !(current.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication reader)) {
      return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("message", "Log in to see your cases.")).build();
    }
    List<String> groups = reader.getGroupIds() == null ? List.of() : reader.getGroupIds();
    return Response.ok(Map.of("views", cases.viewsFor(reader.getIdentityId(), groups)), MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-store").build();
  }
}
