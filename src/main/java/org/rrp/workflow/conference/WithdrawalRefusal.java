package org.rrp.workflow.conference;

import java.util.Map;

import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * A withdrawal of consent over REST ({@code POST /engine-rest/message}, message {@value ConsentWithdrawalAccess#MESSAGE})
 * for a case whose conference is not in preparation any more (it was held, or it ended) finds no one waiting for the
 * message. The engine answers that with a technical sentence naming its exception; this answers 400 with one the
 * caller can act on, on both doors: registered in every Jersey application ({@code /engine-rest} and the webapps'
 * API, by {@link Discovery}) ahead of Camunda's own mapper for the same exception.
 */
final class WithdrawalRefusal {

  static final String MESSAGE = "Consent can no longer be withdrawn for this case: its Restorative Conference has "
      + "already been held, or is not in preparation.";

  private WithdrawalRefusal() {
  }

  /** Registers the mapper in every Jersey application, ahead of Camunda's. */
  public static class Discovery implements ForcedAutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(Mapper.class)) {
        context.register(Mapper.class, 1);
      }
    }
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
