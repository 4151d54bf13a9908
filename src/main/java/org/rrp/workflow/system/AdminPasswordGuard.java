package org.rrp.workflow.system;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without an administrator password. Camunda's starter would otherwise create the
 * administrator with the user id as password. The demo profile sets a documented demo password.
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor {

  static final String ADMIN_ID = "camunda.bpm.admin-user.id";
  static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String id = environment.getProperty(ADMIN_ID);
    String password = environment.getProperty(ADMIN_PASSWORD);
    if (id == null || id.isBlank()) {
      throw new IllegalStateException("No administrator is configured. Set RRP_ADMIN_USER and RRP_ADMIN_PASSWORD "
          + "(or " + ADMIN_ID + " and " + ADMIN_PASSWORD + "), or run the demo with the 'demo' profile.");
    }
    if (password == null || password.isBlank() || password.equals(id)) {
      throw new IllegalStateException("No administrator password is configured. Set the environment variable "
          + "RRP_ADMIN_PASSWORD (or the property " + ADMIN_PASSWORD + ") to a strong password that is not the "
          + "user id, or run the demo with the 'demo' profile (mvn spring-boot:run).");
    }
  }
}
