package org.rrp.workflow.allocation;

import static org.rrp.workflow.referral.ReferralVariables.ADVISOR_ID;
import static org.rrp.workflow.referral.ReferralVariables.AREA;
import static org.rrp.workflow.referral.ReferralVariables.CASE_REFERENCE;
import static org.rrp.workflow.referral.ReferralVariables.SERVICE;


import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.rrp.workflow.identity.CaseAccess;
import org.rrp.workflow.notification.Notification;
import org.rrp.workflow.notification.Notifier;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.FormInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Allocation's delegates: automatic allocation, allocation by hand, and the advisor's notification. The area's
 * advisors (or the advisor chosen by hand) may then read the case, so Tasklist shows them its reference.
 */
@Configuration(proxyBeanMethods = false)
class AllocationDelegates {

  /** BPMN error thrown when an area has no advisor; the model routes it to "Allocate advisor by hand". */
  static final String NO_ADVISOR_IN_AREA = "NO_ADVISOR_IN_AREA";

  @Bean
  JavaDelegate allocateAdvisorDelegate(AdvisorAllocationService allocation, CaseAccess caseAccess) {
    return execution -> {
      String area = (String) execution.getVariable(AREA);
      String advisor = allocation.allocate((String) execution.getVariable(CASE_REFERENCE), area, CaseClock.instant())
          .orElseThrow(() -> new BpmnError(NO_ADVISOR_IN_AREA, "The area has no advisor to allocate"));
      execution.setVariable(ADVISOR_ID, advisor);
      caseAccess.letGroupRead(execution.getProcessInstanceId(), area);
    };
  }

  /** Guards "Allocate advisor by hand": the person named must be an advisor; then the allocation is recorded. */
  @Bean
  TaskListener allocationByHandCheck(AdvisorAllocationService allocation, CaseAccess caseAccess) {
    return task -> {
      FormInput input = new FormInput(task);
      String advisor = input.requiredText(ADVISOR_ID, "The advisor's user id");
      if (advisor != null && !allocation.isAdvisor(advisor)) {
        input.problem("The advisor's user id is not that of an advisor: enter the user id of a member of rrp-advisors.");
      }
      input.rejectIfInvalid();
      allocation.allocateByHand((String) task.getVariable(CASE_REFERENCE), (String) task.getVariable(AREA), advisor,
          CaseClock.instant());
      caseAccess.letUserRead(task.getProcessInstanceId(), advisor);
    };
  }

  @Bean
  JavaDelegate notifyAdvisorDelegate(AdvisorAllocationService allocation, Notifier notifier,
      @Value("${rrp.tasklist-url}") String tasklistUrl) {
    return execution -> {
      String caseReference = (String) execution.getVariable(CASE_REFERENCE);
      String advisor = (String) execution.getVariable(ADVISOR_ID);
      String email = allocation.emailOf(advisor).orElseThrow(() -> new IllegalStateException(
          "Advisor of case " + caseReference + " has no email address in the user directory"));
      notifier.sendOnce(caseReference + "/allocated/" + advisor, new Notification("case-allocated", caseReference, "advisor", email,
          "RRP case " + caseReference + " allocated to you",
          """
          Case %s (%s) has been allocated to you.

          Its first task is waiting for you in Tasklist: %s

          RRP team, Virtual School
          """.formatted(caseReference, execution.getVariable(SERVICE), tasklistUrl)));
    };
  }
}
