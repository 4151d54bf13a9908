package org.rrp.workflow.allocation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.rrp.workflow.identity.RrpGroups;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.springframework.stereotype.Component;

/** Advisors as Camunda's identity service knows them: members of {@code rrp-advisors} and of an area group. */
@Component
class CamundaAdvisorDirectory implements AdvisorDirectory {

  private final IdentityService identityService;

  CamundaAdvisorDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public List<String> advisorsOf(String area) {
    return WithoutAuthorization.call(() -> {
      Set<String> advisors = identityService.createUserQuery().memberOfGroup(RrpGroups.ADVISORS).list().stream()
          .map(User::getId).collect(Collectors.toSet());
      return identityService.createUserQuery().memberOfGroup(area).list().stream()
          .map(User::getId).filter(advisors::contains).sorted().toList();
    });
  }

  @Override
  public boolean isAdvisor(String userId) {
    return WithoutAuthorization.call(() ->
        identityService.createUserQuery().userId(userId).memberOfGroup(RrpGroups.ADVISORS).count() == 1);
  }

  @Override
  public Optional<String> emailOf(String userId) {
    return WithoutAuthorization.call(() ->
        Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult()).map(User::getEmail)
            .filter(email -> !email.isBlank()));
  }
}
