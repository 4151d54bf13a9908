package org.rrp.workflow.security;

import java.time.Clock;
import java.time.Duration;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.rrp.workflow.casework.AreaCatalogue;
import org.rrp.workflow.casework.CaseMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP side of need-to-know: login throttling before authentication, the guard of the engine APIs after it
 * (the REST authentication filter has order 101), security headers on the REST API, and a refused webapp login
 * told where the person's work is.
 */
@Configuration(proxyBeanMethods = false)
class SecurityFilterConfiguration {

  @Bean
  FilterRegistrationBean<LoginThrottle> loginThrottle(@Value("${rrp.security.login.max-failures:10}") int maxFailures,
      @Value("${rrp.security.login.window:PT5M}") Duration window) {
    FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(
        new LoginThrottle(maxFailures, window, Clock.systemUTC()));
    registration.setName("rrp-login-throttle");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/admin/auth/*");
    registration.setOrder(90);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AppChoiceGuidance> appChoiceGuidance(ProcessEngine engine) {
    FilterRegistrationBean<AppChoiceGuidance> registration = new FilterRegistrationBean<>(new AppChoiceGuidance(engine));
    registration.setName("rrp-app-choice-guidance");
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setOrder(95);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AnonymousSessions> anonymousSessions(
      @Value("${rrp.security.anonymous-session:PT2M}") Duration anonymous,
      @Value("${server.servlet.session.timeout:PT30M}") Duration loggedIn) {
    FilterRegistrationBean<AnonymousSessions> registration = new FilterRegistrationBean<>(
        new AnonymousSessions(anonymous, loggedIn));
    registration.setName("rrp-anonymous-sessions");
    registration.addUrlPatterns("/camunda/*");
    registration.setOrder(105);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SecurityHeaders> restSecurityHeaders() {
    FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
    registration.setName("rrp-rest-security-headers");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(91);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineApiGuard> engineApiGuard(ProcessEngine engine, FormSchemas forms,
      List<CaseMessage> caseMessages, AreaCatalogue areas) {
    FilterRegistrationBean<EngineApiGuard> registration = new FilterRegistrationBean<>(
        new EngineApiGuard(engine, forms, caseMessages, areas));
    registration.setName("rrp-engine-api-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(102);
    return registration;
  }
}
