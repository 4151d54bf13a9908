package org.rrp.workflow.system;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.rrp.workflow.casework.InvalidInputException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST APIs' answers to refused input, in every Jersey application ({@code /engine-rest} and the webapps' APIs,
 * registered by {@link Discovery}): a form refused by the server's checks (or work the case's state no longer
 * allows) is answered 400 Bad Request with just the refusal's message, however deep the engine wrapped it (a task
 * listener's failure reaches REST wrapped twice, as a 500), where Camunda's handler would answer 500 and log a stack
 * trace; a value that cannot be read is answered by its field's name, never the value. Tasklist shows the message
 * to the person submitting.
 */
final class RestRefusals {

  private static final Logger LOG = LoggerFactory.getLogger(RestRefusals.class);

  /** Ahead of Camunda's own mappers (which have the default priority) for the same exception types. */
  static final int BEFORE_CAMUNDA = 1;

  private RestRefusals() {
  }

  static Optional<InvalidInputException> refusal(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInputException invalid) {
        return Optional.of(invalid);
      }
    }
    return Optional.empty();
  }

  static Response badRequest(Throwable failure) {
    InvalidInputException invalid = refusal(failure).orElseThrow();
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", InvalidInputException.class.getSimpleName(), "message", invalid.getMessage(),
            "problems", invalid.getProblems()))
        .build();
  }

  /** Registers the refusals' mappers in every Jersey application, ahead of Camunda's. */
  public static class Discovery implements ForcedAutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      for (Class<?> mapper : List.of(RefusedRestForm.class, RefusedEngineForm.class, RefusedQueryParameter.class,
          RefusedBodyValue.class, UnreadableBody.class)) {
        if (!context.getConfiguration().isRegistered(mapper)) {
          context.register(mapper, BEFORE_CAMUNDA);
        }
      }
    }
  }

  /**
   * A query parameter the REST layer cannot read (a sort key or date that is not one): Camunda's answer repeats the
   * value sent ("Cannot set query parameter 'dueBefore' to value '…'"); this one names the parameter only.
   */
  public static class RefusedQueryParameter implements ExtendedExceptionMapper<InvalidRequestException> {
    private static final Pattern UNREADABLE =
        Pattern.compile("^Cannot set query parameter '([A-Za-z0-9_.]{1,80})' to value .*", Pattern.DOTALL);

    @Override
    public boolean isMappable(InvalidRequestException exception) {
      return exception.getMessage() != null && UNREADABLE.matcher(exception.getMessage()).matches();
    }

    @Override
    public Response toResponse(InvalidRequestException exception) {
      Matcher unreadable = UNREADABLE.matcher(exception.getMessage());
      return unreadable(unreadable.matches() ? "the query parameter " + unreadable.group(1) : "a query parameter");
    }
  }

  /**
   * A JSON body with a value of the wrong kind (a date that is not one, text where a number goes): Jackson's answer,
   * plain text, repeats the value and the start of the body; this one names the field only.
   */
  public static class RefusedBodyValue implements ExtendedExceptionMapper<JsonMappingException> {
    @Override
    public boolean isMappable(JsonMappingException exception) {
      return !(exception.getProcessor() instanceof JsonGenerator); // writing an answer is the server's failure
    }

    @Override
    public Response toResponse(JsonMappingException exception) {
      String field = exception.getPath().stream().map(reference -> reference.getFieldName() != null
          ? reference.getFieldName() : "[" + reference.getIndex() + "]").collect(Collectors.joining("."))
          .replace(".[", "[");
      return unreadable(field.matches("[A-Za-z0-9_.\\[\\]]{1,200}") ? field : "a field of the request's body");
    }
  }

  /**
   * A body that is not JSON at all: Jackson's answer, plain text, repeats the token it stopped at (the start of what
   * was sent); this one says only that the body could not be read.
   */
  public static class UnreadableBody implements ExtendedExceptionMapper<JsonParseException> {
    @Override
    public boolean isMappable(JsonParseException exception) {
      return true;
    }

    @Override
    public Response toResponse(JsonParseException exception) {
      String problem = "The request's body could not be read.";
      LOG.info("Refused input: {}", problem);
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", InvalidRequestException.class.getSimpleName(), "message", problem,
              "problems", List.of(problem)))
          .build();
    }
  }

  /** 400 with one sentence naming what could not be read, never its value; the log gets the same line. */
  static Response unreadable(String what) {
    String problem = "The value of " + what + " cannot be read.";
    LOG.info("Refused input: {}", problem);
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", InvalidRequestException.class.getSimpleName(), "message", problem,
            "problems", List.of(problem)))
        .build();
  }

  /** A refused form (or work the case's state no longer allows), however the layers below wrapped it. */
  abstract static class RefusedForm<E extends Throwable> implements ExtendedExceptionMapper<E> {
    @Override
    public boolean isMappable(E exception) {
      return refusal(exception).isPresent();
    }

    @Override
    public Response toResponse(E exception) {
      return badRequest(exception);
    }
  }

  /** As the REST layer wraps it. */
  public static class RefusedRestForm extends RefusedForm<RestException> {
  }

  /** As the engine wraps it (a task listener's failure, for one). */
  public static class RefusedEngineForm extends RefusedForm<ProcessEngineException> {
  }
}
