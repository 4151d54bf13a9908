package org.rrp.workflow.conference;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * A withdrawal of consent over REST ({@code POST /engine-rest/message}, message {@value ConsentWithdrawalAccess#MESSAGE})
 * for a case whose conference is not in preparation any more (it was held, or it ended) finds no one waiting for the
 * message. The engine answers that with a technical sentence; this answers 400 with one the caller can act on.
 * Registered on the REST API's Jersey configuration ahead of Camunda's own mapper for the same exception.
 */
@Component
class WithdrawalRefusal implements ResourceConfigCustomizer {

  static final String MESSAGE = "Consent can no longer be withdrawn for this case: its Restorative Conference has "
      + "already been held, or is not in preparation.";

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(Mapper.class, 1);
  }

  public static class Mapper implements ExtendedExceptionMapper<RestException> {

    @Override
    public boolean isMappable(RestException exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof MismatchingMessageCorrelationException mismatch && mismatch.getMessage() != null
            && mismatch.getMessage().contains("'" + ConsentWithdrawalAccess.MESSAGE + "'")) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Response toResponse(RestException exception) {
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", "ConsentWithdrawalRefused", "message", MESSAGE)).build();
    }
  }
}
