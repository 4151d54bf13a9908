package org.rrp.workflow.referral;

import static org.rrp.workflow.referral.ReferralVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rrp.workflow.allocation.AdvisorAllocationService;
import org.rrp.workflow.identity.CaseAccess;
import org.rrp.workflow.notification.Notifier;
import org.rrp.workflow.system.CaseClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The referral's service tasks and end listener: a few lines of mapping around a service each. */
@Configuration(proxyBeanMethods = false)
class ReferralDelegates {

  /** "Acknowledge request": the referrer learns the case reference to quote. */
  @Bean
  JavaDelegate acknowledgeRequestDelegate(Notifier notifier) {
    return execution -> notifier.send(ReferralMessages.received(text(execution, CASE_REFERENCE),
        text(execution, REFERRER_EMAIL)));
  }

  /** "Tell referrer the request is declined". */
  @Bean
  JavaDelegate notifyReferrerOfDeclineDelegate(Notifier notifier) {
    return execution -> notifier.send(ReferralMessages.declined(text(execution, CASE_REFERENCE),
        text(execution, REFERRER_EMAIL), text(execution, DECLINE_REASON), text(execution, SIGNPOSTING)));
  }

  /** "Close case": the referrer gets the outcome and a feedback request. */
  @Bean
  JavaDelegate closeCaseDelegate(Notifier notifier) {
    return execution -> notifier.send(ReferralMessages.closed(text(execution, CASE_REFERENCE),
        text(execution, REFERRER_EMAIL), text(execution, CASE_OUTCOME), text(execution, SIGNPOSTING)));
  }

  /**
   * When a referral ends, however it ends (closed, declined, or cancelled in Cockpit): the case leaves its
   * advisor's caseload, and the grants to read it (referrer's, area's) go.
   */
  @Bean
  ExecutionListener caseEndedListener(AdvisorAllocationService allocation, CaseAccess caseAccess) {
    return execution -> {
      Object reference = execution.getVariable(CASE_REFERENCE);
      if (reference instanceof String caseReference) {
        allocation.release(caseReference, CaseClock.instant());
      }
      caseAccess.revokeAll(execution.getProcessInstanceId());
    };
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
