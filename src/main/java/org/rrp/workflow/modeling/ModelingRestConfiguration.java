package org.rrp.workflow.modeling;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Adds the decision preview to {@code /engine-rest}, behind the same HTTP Basic authentication. */
@Configuration(proxyBeanMethods = false)
class ModelingRestConfiguration {

  @Bean
  ResourceConfigCustomizer decisionPreviewResource(DecisionPreview preview, IdentityService identityService) {
    return config -> config.register(new DecisionPreviewResource(preview, identityService));
  }
}
