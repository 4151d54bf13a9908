package org.rrp.workflow.referral;

import static org.rrp.workflow.casework.CaseVariables.SIGNPOSTING;
import static org.rrp.workflow.notification.MailTemplates.model;
import static org.rrp.workflow.referral.ReferralVariables.DECLINE_REASON;

import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rrp.workflow.allocation.AdvisorAllocationService;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.CaseFile;
import org.rrp.workflow.identity.CaseAccess;
import org.rrp.workflow.notification.MailTemplates;
import org.rrp.workflow.notification.Notifier;
import org.rrp.workflow.notification.OnceKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The referral's service tasks and end listener: a few lines of mapping around a service each. */
@Configuration(proxyBeanMethods = false)
class ReferralDelegates {

  static final String REFERRER = "referrer";

  /** "Acknowledge request": the referrer learns the case reference to quote. */
  @Bean
  JavaDelegate acknowledgeRequestDelegate(Notifier notifier, MailTemplates mail) {
    return execution -> {
      CaseFile caseFile = CaseFile.of(execution);
      notifier.sendOnce(OnceKey.forCase(caseFile.caseReference(), "received"), mail.compose("request-received",
          caseFile.caseReference(), REFERRER, caseFile.referrerEmail(), Map.of()));
    };
  }

  /** "Tell referrer the request is declined". */
  @Bean
  JavaDelegate notifyReferrerOfDeclineDelegate(Notifier notifier, MailTemplates mail) {
    return execution -> {
      CaseFile caseFile = CaseFile.of(execution);
      notifier.sendOnce(OnceKey.forCase(caseFile.caseReference(), "declined"), mail.compose("request-declined",
          caseFile.caseReference(), REFERRER, caseFile.referrerEmail(),
          model("reason", caseFile.text(DECLINE_REASON), SIGNPOSTING, caseFile.signposting())));
    };
  }

  /**
   * "Close case": the referrer gets the outcome, the actions agreed (after a circle or conference) and a feedback
   * request; or, when the case was stopped early, the reason.
   */
  @Bean
  JavaDelegate closeCaseDelegate(Notifier notifier, MailTemplates mail) {
    return execution -> {
      CaseFile caseFile = CaseFile.of(execution);
      OnceKey closed = OnceKey.forCase(caseFile.caseReference(), "closed");
      if (caseFile.isStopped()) {
        notifier.sendOnce(closed, mail.compose("case-stopped", caseFile.caseReference(), REFERRER,
            caseFile.referrerEmail(), model("reason", caseFile.stopReason())));
      } else {
        var actions = caseFile.actionPlan();
        notifier.sendOnce(closed, mail.compose("case-closed", caseFile.caseReference(), REFERRER,
            caseFile.referrerEmail(), model("outcome", caseFile.outcome(), SIGNPOSTING, caseFile.signposting(),
                "actions", actions, "hasActions", !actions.isEmpty())));
      }
    };
  }

  /**
   * When a referral ends, however it ends (closed, declined, or cancelled in Cockpit): the case leaves its
   * advisor's caseload, and the grants to read it (referrer's, area's) go.
   */
  @Bean
  ExecutionListener caseEndedListener(AdvisorAllocationService allocation, CaseAccess caseAccess) {
    return execution -> {
      String caseReference = CaseFile.of(execution).caseReference();
      if (caseReference != null) {
        allocation.release(caseReference, CaseClock.instant());
      }
      caseAccess.revokeAll(execution.getProcessInstanceId());
    };
  }
}
