package org.rrp.workflow.security;

import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start with the demo profile on the production profile: the demo creates users for every role with the
 * password {@code demo}, which must never reach a production database. Only a test of the packaged jar (the cluster
 * test) may say {@code rrp.demo.allow-in-production=true}.
 */
public class DemoInProductionGuard implements EnvironmentPostProcessor {

  static final String ALLOW = "rrp.demo.allow-in-production";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    Set<String> profiles = Set.of(environment.getActiveProfiles());
    if (profiles.contains("prod") && profiles.contains("demo") && !environment.getProperty(ALLOW, Boolean.class, false)) {
      throw new IllegalStateException("The demo profile creates users with the password 'demo': it cannot run with the "
          + "prod profile. Start production with --spring.profiles.active=prod only.");
    }
  }
}
