package org.rrp.workflow.training;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.rrp.workflow.casework.CaseClock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /rrp/training/progress}: the training progress report as JSON, for the logged-in person (HTTP Basic,
 * checked by the engine's identity service as on {@code /engine-rest}), filtered to what they may know.
 */
@RestController
class TrainingProgressEndpoint {

  static final String PATH = "/rrp/training/progress";

  private final TrainingProgress progress;
  private final IdentityService identity;

  TrainingProgressEndpoint(TrainingProgress progress, IdentityService identity) {
    this.progress = progress;
    this.identity = identity;
  }

  @GetMapping(PATH)
  ResponseEntity<?> progress() {
    Authentication reader = identity.getCurrentAuthentication();
    List<String> groups = reader == null || reader.getGroupIds() == null ? List.of() : reader.getGroupIds();
    if (groups.isEmpty()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", "No training progress for you to see."));
    }
    return ResponseEntity.ok(progress.report(groups, CaseClock.today()));
  }

  @Bean
  static FilterRegistrationBean<ProcessEngineAuthenticationFilter> trainingProgressAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("rrp-training-progress-authentication");
    registration.addUrlPatterns(PATH);
    registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName()));
    registration.setOrder(102);
    return registration;
  }
}
