package org.rrp.workflow.modeling;

import java.time.Duration;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.rrp.workflow.identity.RrpGroups;
import org.springframework.stereotype.Component;

/**
 * {@code POST /engine-rest/rrp/decision-preview/evaluate} and {@code .../replay}: a coordinator sends a changed
 * decision table (the .dmn file's text) and sees what it would do, before deploying it. Coordinators (and the
 * administrator) only; nothing is deployed or written. Public only because JAX-RS reads its methods.
 */
@Component
@Path("/rrp/decision-preview")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DecisionPreviewResource {

  static final int DEFAULT_DAYS = 365;

  private final DecisionPreview preview;
  private final IdentityService identityService;

  DecisionPreviewResource(DecisionPreview preview, IdentityService identityService) {
    this.preview = preview;
    this.identityService = identityService;
  }

  /** Body: {@code {"dmn": "<the .dmn file>", "decisionKey": "optional", "example": {<variable>: <value>, ...}}}. */
  @POST
  @Path("/evaluate")
  public Response evaluate(Map<String, Object> body) {
    coordinatorsOnly();
    Object example = body == null ? null : body.get("example");
    if (example != null && !(example instanceof Map)) {
      throw new InvalidRequestException(Response.Status.BAD_REQUEST, "example must be an object of variables.");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = (Map<String, Object>) example;
    return Response.ok(run(() -> preview.evaluate(text(body, "dmn"), text(body, "decisionKey"), variables))).build();
  }

  /** Body: {@code {"dmn": "<the .dmn file>", "decisionKey": "optional", "days": 365}}. */
  @POST
  @Path("/replay")
  public Response replay(Map<String, Object> body) {
    coordinatorsOnly();
    Object days = body == null ? null : body.getOrDefault("days", DEFAULT_DAYS);
    if (!(days instanceof Number number) || number.intValue() < 1 || number.intValue() > 3660) {
      throw new InvalidRequestException(Response.Status.BAD_REQUEST, "days must be a whole number from 1 to 3660.");
    }
    return Response.ok(run(() -> preview.replay(text(body, "dmn"), text(body, "decisionKey"),
        Duration.ofDays(number.intValue())))).build();
  }

  private void coordinatorsOnly() {
    Authentication authentication = identityService.getCurrentAuthentication();
    String userId = authentication == null ? null : authentication.getUserId();
    boolean allowed = userId != null && identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).anyMatch(group -> group.equals(RrpGroups.COORDINATORS) || group.equals(RrpGroups.ADMINS));
    if (!allowed) {
      throw new AuthorizationException("Only coordinators can preview decision tables.");
    }
  }

  private static String text(Map<String, Object> body, String field) {
    Object value = body == null ? null : body.get(field);
    if (value != null && !(value instanceof String)) {
      throw new InvalidRequestException(Response.Status.BAD_REQUEST, field + " must be text.");
    }
    if ("dmn".equals(field) && (value == null || ((String) value).isBlank())) {
      throw new InvalidRequestException(Response.Status.BAD_REQUEST, "dmn is required: the text of the .dmn file.");
    }
    return (String) value;
  }

  private static <T> T run(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(Response.Status.BAD_REQUEST, e.getMessage());
    }
  }
}
