package org.rrp.workflow.system;

import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One JSON mapper for the engine's REST APIs (/engine-rest, and the webapps' APIs Tasklist and Cockpit call),
 * configured as Camunda configures it ({@link JacksonConfigurator}). Camunda's resolver makes a new mapper every
 * time it is asked, several times a request, so every request built its readers and writers again (the
 * deserializer of a task query alone reads a hundred annotated setters); a mapper is safe to share once configured,
 * and it keeps what it built. Registered ahead of Camunda's in every Jersey application by {@link Discovery}.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
@Priority(SharedRestObjectMapper.BEFORE_CAMUNDA)
public class SharedRestObjectMapper implements ContextResolver<ObjectMapper> {

  static final int BEFORE_CAMUNDA = 1;

  /** Made at first use, after the application has set Camunda's date format. */
  private static final class Holder {
    static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
  }

  /** How many times the APIs asked for the mapper (tests read it to know this resolver answers, not Camunda's). */
  private static final LongAdder ASKED = new LongAdder();

  @Override
  public ObjectMapper getContext(Class<?> type) {
    ASKED.increment();
    return Holder.MAPPER;
  }

  static long asked() {
    return ASKED.sum();
  }

  /** Jersey's own discovery (META-INF/services) registers the resolver in each application it starts. */
  @ConstrainedTo(RuntimeType.SERVER)
  @Priority(BEFORE_CAMUNDA)
  public static class Discovery implements ForcedAutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(SharedRestObjectMapper.class)) {
        context.register(SharedRestObjectMapper.class, BEFORE_CAMUNDA);
      }
    }
  }
}
