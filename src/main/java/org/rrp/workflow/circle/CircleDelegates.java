package org.rrp.workflow.circle;

import static org.rrp.workflow.circle.CircleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rrp.workflow.allocation.AdvisorAllocationService;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.CaseFile;
import org.rrp.workflow.circle.ActionPlan.Participant;
import org.rrp.workflow.reminder.MeetingReminders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The circle's reminder tasks: variables in, one call to {@link MeetingReminders}. */
@Configuration(proxyBeanMethods = false)
class CircleDelegates {

  static final String CIRCLE = "Solution Focused Circle";

  @Bean
  JavaDelegate remindOfInitialMeetingDelegate(MeetingReminders reminders, AdvisorAllocationService advisors) {
    return execution -> reminders.remindOfMeeting(meeting(execution, "initial", INITIAL_MEETING_AT, MEETING_VENUE, advisors));
  }

  @Bean
  JavaDelegate remindOfReviewMeetingDelegate(MeetingReminders reminders, AdvisorAllocationService advisors) {
    return execution -> reminders.remindOfMeeting(meeting(execution, "review " + execution.getVariable(REVIEW_NUMBER),
        REVIEW_MEETING_AT, REVIEW_VENUE, advisors));
  }

  @Bean
  JavaDelegate remindOwnersOfActionsDueDelegate(MeetingReminders reminders, AdvisorAllocationService advisors) {
    return execution -> {
      CaseFile caseFile = CaseFile.of(execution);
      reminders.remindOfActionsDue(caseFile.caseReference(), CIRCLE, caseFile.actionPlan(),
          advisorEmail(caseFile, advisors), CaseClock.today());
    };
  }

  private static MeetingReminders.Meeting meeting(DelegateExecution execution, String kind, String at, String venue,
      AdvisorAllocationService advisors) {
    CaseFile caseFile = CaseFile.of(execution);
    return new MeetingReminders.Meeting(caseFile.caseReference(), CIRCLE + " " + kind + " meeting", kind,
        caseFile.text(at), caseFile.text(venue), caseFile.text(WHAT_TO_BRING),
        caseFile.list(PARTICIPANTS, Participant.class).stream().map(Participant::email).toList(),
        advisorEmail(caseFile, advisors));
  }

  private static String advisorEmail(CaseFile caseFile, AdvisorAllocationService advisors) {
    return advisors.emailOf(caseFile.advisorId()).orElse(null);
  }
}
