package org.rrp.workflow.system;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without an administrator password. Camunda's starter would otherwise create the
 * administrator with the user id as password. The demo profile sets a documented demo password. Outside the demo
 * the password must meet the password policy every user's password meets (see {@code SecurityEnginePlugin}).
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor {

  static final String ADMIN_ID = "camunda.bpm.admin-user.id";
  static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
  static final String PASSWORD_POLICY = "rrp.security.password-policy";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String id = environment.getProperty(ADMIN_ID);
    String password = environment.getProperty(ADMIN_PASSWORD);
    if (id == null || id.isBlank()) {
      throw new IllegalStateException("No administrator is configured. Set RRP_ADMIN_USER and RRP_ADMIN_PASSWORD "
          + "(or " + ADMIN_ID + " and " + ADMIN_PASSWORD + "), or run the demo with the 'demo' profile.");
    }
    if (password == null || password.isBlank() || password.equalsIgnoreCase(id)) {
      throw new IllegalStateException("No administrator password is configured. Set the environment variable "
          + "RRP_ADMIN_PASSWORD (or the property " + ADMIN_PASSWORD + ") to a strong password that is not the "
          + "user id, or run the demo with the 'demo' profile (mvn spring-boot:run).");
    }
    if (environment.getProperty(PASSWORD_POLICY, Boolean.class, true) && !meetsPolicy(password)) {
      throw new IllegalStateException("The administrator password (RRP_ADMIN_PASSWORD) is too weak: it needs at least "
          + "10 characters with an upper-case and a lower-case letter, a digit and another character, as every user's.");
    }
  }

  /** Camunda's default password policy, which the engine enforces for every other user (enablePasswordPolicy). */
  static boolean meetsPolicy(String password) {
    return password.length() >= 10 && password.chars().anyMatch(Character::isUpperCase)
        && password.chars().anyMatch(Character::isLowerCase) && password.chars().anyMatch(Character::isDigit)
        && password.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
  }
}
