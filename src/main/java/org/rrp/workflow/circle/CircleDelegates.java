package org.rrp.workflow.circle;

import static org.rrp.workflow.circle.CircleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rrp.workflow.allocation.AdvisorAllocationService;
import org.rrp.workflow.circle.ActionPlan.Action;
import org.rrp.workflow.circle.ActionPlan.Participant;
import org.rrp.workflow.referral.ReferralVariables;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.JsonVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The circle's reminder tasks: variables in, one call to {@link CircleReminders}. */
@Configuration(proxyBeanMethods = false)
class CircleDelegates {

  @Bean
  JavaDelegate remindOfInitialMeetingDelegate(CircleReminders reminders, AdvisorAllocationService advisors) {
    return execution -> reminders.remindOfMeeting(meeting(execution, "initial", INITIAL_MEETING_AT, MEETING_VENUE, advisors));
  }

  @Bean
  JavaDelegate remindOfReviewMeetingDelegate(CircleReminders reminders, AdvisorAllocationService advisors) {
    return execution -> reminders.remindOfMeeting(meeting(execution, "review " + execution.getVariable(REVIEW_NUMBER),
        REVIEW_MEETING_AT, REVIEW_VENUE, advisors));
  }

  @Bean
  JavaDelegate remindOwnersOfActionsDueDelegate(CircleReminders reminders, AdvisorAllocationService advisors) {
    return execution -> reminders.remindOfActionsDue(caseReference(execution),
        JsonVariables.readList(execution.getVariable(ACTION_PLAN), Action.class), advisorEmail(execution, advisors),
        CaseClock.today());
  }

  private static CircleReminders.Meeting meeting(DelegateExecution execution, String kind, String at, String venue,
      AdvisorAllocationService advisors) {
    return new CircleReminders.Meeting(caseReference(execution), kind, (String) execution.getVariable(at),
        (String) execution.getVariable(venue), (String) execution.getVariable(WHAT_TO_BRING),
        JsonVariables.readList(execution.getVariable(PARTICIPANTS), Participant.class), advisorEmail(execution, advisors));
  }

  private static String caseReference(DelegateExecution execution) {
    return (String) execution.getVariable(ReferralVariables.CASE_REFERENCE);
  }

  private static String advisorEmail(DelegateExecution execution, AdvisorAllocationService advisors) {
    return advisors.emailOf((String) execution.getVariable(ReferralVariables.ADVISOR_ID)).orElse(null);
  }
}
