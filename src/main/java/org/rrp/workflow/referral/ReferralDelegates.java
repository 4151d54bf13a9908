package org.rrp.workflow.referral;

import static org.rrp.workflow.referral.ReferralVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rrp.workflow.allocation.AdvisorAllocationService;
import org.rrp.workflow.identity.CaseAccess;
import org.rrp.workflow.notification.Notification;
import org.rrp.workflow.notification.Notifier;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.JsonVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The referral's service tasks and end listener: a few lines of mapping around a service each. */
@Configuration(proxyBeanMethods = false)
class ReferralDelegates {

  /** "Acknowledge request": the referrer learns the case reference to quote. */
  @Bean
  JavaDelegate acknowledgeRequestDelegate(Notifier notifier) {
    return execution -> {
      Notification received = ReferralMessages.received(text(execution, CASE_REFERENCE), text(execution, REFERRER_EMAIL));
      notifier.sendOnce(received.caseReference() + "/received/" + received.to(), received);
    };
  }

  /** "Tell referrer the request is declined". */
  @Bean
  JavaDelegate notifyReferrerOfDeclineDelegate(Notifier notifier) {
    return execution -> {
      Notification declined = ReferralMessages.declined(text(execution, CASE_REFERENCE), text(execution, REFERRER_EMAIL),
          text(execution, DECLINE_REASON), text(execution, SIGNPOSTING));
      notifier.sendOnce(declined.caseReference() + "/declined/" + declined.to(), declined);
    };
  }

  /**
   * "Close case": the referrer gets the outcome, the actions agreed (after a circle) and a feedback request; or,
   * when the advisor stopped the case early, the reason.
   */
  @Bean
  @SuppressWarnings("unchecked")
  JavaDelegate closeCaseDelegate(Notifier notifier) {
    return execution -> {
      String caseReference = text(execution, CASE_REFERENCE);
      String referrer = text(execution, REFERRER_EMAIL);
      notifier.sendOnce(caseReference + "/closed/" + referrer, Boolean.TRUE.equals(execution.getVariable(CASE_STOPPED))
          ? ReferralMessages.stopped(caseReference, referrer, text(execution, STOP_REASON))
          : ReferralMessages.closed(caseReference, referrer, text(execution, CASE_OUTCOME), text(execution, SIGNPOSTING),
              JsonVariables.readList(execution.getVariable(ACTION_PLAN), Map.class).stream()
                  .map(action -> (Map<String, Object>) action).toList()));
    };
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
