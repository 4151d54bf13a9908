package org.rrp.workflow.system;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.rrp.workflow.security.CachedBasicAuthentication;
import org.rrp.workflow.security.VerifiedCredentials;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic authentication on the REST API, as Camunda Run does it. Without it the starter serves
 * {@code /engine-rest} to anyone, and an unauthenticated request skips authorization checks altogether. A caller's
 * verified password (a keyed hash of it), groups and tenants are remembered briefly, so a burst of calls does not cost
 * three engine transactions each; any identity change forgets them all ({@link VerifiedCredentials}).
 */
@Configuration
class RestAuthenticationConfiguration {

  @Bean
  VerifiedCredentials verifiedCredentials(@Value("${rrp.security.rest-credentials.capacity:1000}") int capacity,
      @Value("${rrp.security.rest-credentials.time-to-live:PT15S}") Duration timeToLive) {
    return new VerifiedCredentials(capacity, timeToLive, Clock.systemUTC());
  }

  @Bean
  FilterRegistrationBean<CachedBasicAuthentication> restAuthenticationFilter(VerifiedCredentials verifiedCredentials) {
    FilterRegistrationBean<CachedBasicAuthentication> registration =
        new FilterRegistrationBean<>(new CachedBasicAuthentication(verifiedCredentials));
    registration.setName("camunda-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setInitParameters(Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, HttpBasicAuthenticationProvider.class.getName()));
    registration.setOrder(101);
    return registration;
  }
}
