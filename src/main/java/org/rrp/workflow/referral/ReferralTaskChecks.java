package org.rrp.workflow.referral;

import static org.rrp.workflow.casework.CaseVariables.*;
import static org.rrp.workflow.referral.ReferralVariables.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.rrp.workflow.identity.RrpGroups;
import org.rrp.workflow.casework.AreaCatalogue;
import org.rrp.workflow.casework.FormInput;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Server-side checks of the referral's task forms, run when a task is completed. A check that fails throws, so
 * the completion rolls back: the task stays open and the instance is unchanged. Each bean is named for the
 * task it guards (suffix Check, so no process variable can shadow it) and referenced from the model as {@code camunda:delegateExpression="${...}"}.
 */
@Configuration(proxyBeanMethods = false)
class ReferralTaskChecks {

  @Bean
  TaskListener ineligibleReviewCheck() {
    return task -> {
      FormInput input = new FormInput(task);
      String decision = input.requiredChoice(INELIGIBLE_DECISION, "Your decision", INELIGIBLE_DECISIONS);
      if (OVERRIDE.equals(decision)) {
        input.requiredText(OVERRIDE_REASON, "The reason for the override");
      } else if (DECLINE.equals(decision)) {
        input.requiredText(DECLINE_REASON, "Why the request is declined");
        input.requiredText(SIGNPOSTING, "Signposting for the referrer");
      }
      input.rejectIfInvalid();
    };
  }

  @Bean
  TaskListener triageCheck(IdentityService identityService, AreaCatalogue areas) {
    return task -> {
      FormInput input = new FormInput(task);
      String service = input.requiredChoice(SERVICE, "The confirmed service", SERVICES);
      // The eligibility table decided on the service asked for; another one is an override, so its reason is kept.
      if (service != null && !service.equals(task.getVariable(SERVICE_WANTED))) {
        input.requiredText(SERVICE_CHANGE_REASON, "The reason for changing the service");
      }
      String area = input.requiredText(AREA, "The area");
      if (area != null && !(RrpGroups.isAreaGroup(area) && areas.isArea(area)
          && WithoutAuthorization.call(() -> identityService.createGroupQuery().groupId(area).count()) == 1)) {
        input.problem("The area is not a known area group.");
      }
      input.rejectIfInvalid();
    };
  }

  @Bean
  TaskListener adviceCheck() {
    return task -> {
      FormInput input = new FormInput(task);
      input.requiredText(ADVICE_GIVEN, "The advice and guidance given");
      input.requiredText(CASE_OUTCOME, "The outcome of the case");
      input.rejectIfInvalid();
    };
  }
}
