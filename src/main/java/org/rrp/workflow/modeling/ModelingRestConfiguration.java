package org.rrp.workflow.modeling;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds the decision preview to {@code /engine-rest}, behind the same HTTP Basic authentication. Registered as a class,
 * so Jersey takes the Spring bean (Jersey's Spring bridge) and treats it as the resource it is; an instance would be
 * checked as a provider first and logged as "ignored" at every start.
 */
@Configuration(proxyBeanMethods = false)
class ModelingRestConfiguration {

  @Bean
  ResourceConfigCustomizer decisionPreviewRegistration() {
    return config -> config.register(DecisionPreviewResource.class);
  }
}
