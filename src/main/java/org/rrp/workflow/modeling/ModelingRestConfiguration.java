package org.rrp.workflow.modeling;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Adds the decision preview to {@code /engine-rest}, behind the same HTTP Basic authentication. Registered as a class,
 * so Jersey takes the Spring bean (Jersey's Spring bridge) and treats it as the resource it is; an instance would be
 * checked as a provider first and logged as "ignored" at every start. Puts the size limit of deployment uploads
 * ({@link DeploymentSizeLimit}) in front of everything else on both doors of the engine API.
 */
@Configuration(proxyBeanMethods = false)
class ModelingRestConfiguration {

  @Bean
  ResourceConfigCustomizer decisionPreviewRegistration() {
    return config -> config.register(DecisionPreviewResource.class);
  }

  @Bean
  FilterRegistrationBean<DeploymentSizeLimit> deploymentSizeLimit(
      @Value("${rrp.modeling.max-deployment-size:5MB}") DataSize maxSize) {
    FilterRegistrationBean<DeploymentSizeLimit> registration = new FilterRegistrationBean<>(new DeploymentSizeLimit(maxSize));
    registration.addUrlPatterns(DeploymentSizeLimit.URL_PATTERNS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
