package org.rrp.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rrp.workflow.TestMail;
import org.rrp.workflow.WholeAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * REST callers are verified once and then answered from memory, yet an administrator's change to their password or
 * memberships holds from the very next call.
 */
@WholeAppTest
class RestCredentialsTest {

  @RegisterExtension
  static final GreenMailExtension mail = TestMail.server();

  @LocalServerPort
  int port;

  @Autowired
  VerifiedCredentials verifiedCredentials;

  Api api;

  @BeforeEach
  void createAdvisor() {
    api = new Api(port);
    assertThat(api.rest("admin", "POST", "user/create", Map.of(
        "profile", Map.of("id", "tess", "firstName", "Tess", "lastName", "Tester", "email", "tess@example.org"),
        "credentials", Map.of("password", "First-pass-1"))).status()).isEqualTo(204);
    assertThat(api.rest("admin", "PUT", "group/rrp-advisors/members/tess", null).status()).isEqualTo(204);
  }

  @AfterEach
  void deleteAdvisor() {
    api.rest("admin", "DELETE", "user/tess", null);
  }

  @Test
  void repeatedCallsAreAnsweredFromWhatWasVerified() {
    verifiedCredentials.forgetAll();
    assertThat(api.restAs("tess", "First-pass-1", "user?id=alex").status()).isEqualTo(200);
    assertThat(verifiedCredentials.verified("tess", "First-pass-1")).isPresent();
    assertThat(verifiedCredentials.verified("tess", "First-pass-1").get().groupIds()).contains("rrp-advisors");
    assertThat(api.restAs("tess", "wrong-pass", "user?id=alex").status()).as("a wrong password is never taken from memory")
        .isEqualTo(401);
    assertThat(verifiedCredentials.verified("tess", "wrong-pass")).isEmpty();
  }

  @Test
  void changedPasswordHoldsFromTheNextCall() {
    assertThat(api.restAs("tess", "First-pass-1", "user?id=alex").status()).isEqualTo(200);

    assertThat(api.rest("admin", "PUT", "user/tess/credentials",
        Map.of("password", "Second-pass-2", "authenticatedUserPassword", "demo")).status()).isEqualTo(204);

    assertThat(api.restAs("tess", "First-pass-1", "user?id=alex").status()).isEqualTo(401);
    assertThat(api.restAs("tess", "Second-pass-2", "user?id=alex").status()).isEqualTo(200);
  }

  @Test
  void removedMembershipHoldsFromTheNextCall() {
    assertThat(api.restAs("tess", "First-pass-1", "user?id=alex").body()).contains("\"id\":\"alex\"");

    assertThat(api.rest("admin", "DELETE", "group/rrp-advisors/members/tess", null).status()).isEqualTo(204);

    assertThat(api.restAs("tess", "First-pass-1", "user?id=alex").body()).as("advisors may read users; tess no longer is one")
        .isEqualTo("[]");
  }

  @Test
  void deletedUserIsRefusedFromTheNextCall() {
    assertThat(api.restAs("tess", "First-pass-1", "user?id=alex").status()).isEqualTo(200);

    assertThat(api.rest("admin", "DELETE", "user/tess", null).status()).isEqualTo(204);

    assertThat(api.restAs("tess", "First-pass-1", "user?id=alex").status()).isEqualTo(401);
  }
}
