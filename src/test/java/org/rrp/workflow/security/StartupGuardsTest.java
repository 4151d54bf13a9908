package org.rrp.workflow.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class StartupGuardsTest {

  final DemoInProductionGuard guard = new DemoInProductionGuard();

  @Test
  void refusesTheDemoUsersOnAProductionDatabase() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("prod", "demo");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot run with the prod profile");
  }

  @Test
  void startsProductionAndTheDemoEachOnTheirOwn() {
    for (String profile : new String[] {"prod", "demo"}) {
      MockEnvironment environment = new MockEnvironment();
      environment.setActiveProfiles(profile);
      assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
    }
  }
}
