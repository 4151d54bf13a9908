package org.rrp.workflow.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;
import org.rrp.workflow.RrpWorkflowApplication;

class AdminPasswordGuardTest {

  final AdminPasswordGuard guard = new AdminPasswordGuard();

  @Test
  void refusesToStartWithoutAnAdministratorPassword() {
    MockEnvironment environment = new MockEnvironment().withProperty(AdminPasswordGuard.ADMIN_ID, "admin")
        .withProperty(AdminPasswordGuard.ADMIN_PASSWORD, "");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("RRP_ADMIN_PASSWORD");
  }

  @Test
  void refusesAPasswordEqualToTheUserId() {
    MockEnvironment environment = new MockEnvironment().withProperty(AdminPasswordGuard.ADMIN_ID, "admin")
        .withProperty(AdminPasswordGuard.ADMIN_PASSWORD, "admin");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesThePasswordEqualToTheUserIdInAnyCase() {
    MockEnvironment environment = new MockEnvironment().withProperty(AdminPasswordGuard.ADMIN_ID, "admin")
        .withProperty(AdminPasswordGuard.ADMIN_PASSWORD, "Admin");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not the user id");
  }

  @Test
  void refusesAWeakPasswordOutsideTheDemo() {
    MockEnvironment environment = new MockEnvironment().withProperty(AdminPasswordGuard.ADMIN_ID, "admin")
        .withProperty(AdminPasswordGuard.ADMIN_PASSWORD, "a-long-secret-from-the-vault");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("too weak");
  }

  @Test
  void startsWithAConfiguredPassword() {
    MockEnvironment environment = new MockEnvironment().withProperty(AdminPasswordGuard.ADMIN_ID, "admin")
        .withProperty(AdminPasswordGuard.ADMIN_PASSWORD, "A-long-secret-from-the-vault-7");

    assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void theApplicationItselfRefusesToStartOutsideTheDemoWithoutAPassword() {
    SpringApplicationBuilder production = new SpringApplicationBuilder(RrpWorkflowApplication.class)
        .properties("spring.datasource.url=jdbc:h2:mem:rrp-guard-test", "server.port=0");

    assertThatThrownBy(production::run).hasMessageContaining("No administrator password is configured");
  }
}
