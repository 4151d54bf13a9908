package org.rrp.workflow.allocation;

import static org.rrp.workflow.casework.CaseVariables.ADVISOR_ID;
import static org.rrp.workflow.notification.MailTemplates.model;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.CaseFile;
import org.rrp.workflow.casework.FormInput;
import org.rrp.workflow.casework.ServiceNames;
import org.rrp.workflow.identity.CaseAccess;
import org.rrp.workflow.notification.MailTemplates;
import org.rrp.workflow.notification.Notifier;
import org.rrp.workflow.notification.OnceKey;
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
      CaseFile caseFile = CaseFile.of(execution);
      String advisor = allocation.allocate(caseFile.caseReference(), caseFile.area())
          .orElseThrow(() -> new BpmnError(NO_ADVISOR_IN_AREA, "The area has no advisor to allocate"));
      caseFile.allocateTo(advisor);
      caseAccess.letGroupRead(execution.getProcessInstanceId(), caseFile.area());
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
      CaseFile caseFile = CaseFile.of(task);
      allocation.allocateByHand(caseFile.caseReference(), caseFile.area(), advisor, CaseClock.instant());
      caseAccess.letUserRead(task.getProcessInstanceId(), advisor);
    };
  }

  @Bean
  JavaDelegate notifyAdvisorDelegate(AdvisorAllocationService allocation, Notifier notifier, MailTemplates mail) {
    return execution -> {
      CaseFile caseFile = CaseFile.of(execution);
      String email = allocation.emailOf(caseFile.advisorId()).orElseThrow(() -> new IllegalStateException(
          "Advisor of case " + caseFile.caseReference() + " has no email address in the user directory"));
      notifier.sendOnce(OnceKey.forCase(caseFile.caseReference(), "allocated"), mail.compose("case-allocated",
          caseFile.caseReference(), "advisor", email, model("serviceName", ServiceNames.of(caseFile.service()))));
    };
  }
}
