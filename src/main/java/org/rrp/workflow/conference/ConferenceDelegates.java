package org.rrp.workflow.conference;

import static org.rrp.workflow.conference.ConferenceVariables.*;
import static org.rrp.workflow.notification.MailTemplates.model;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rrp.workflow.allocation.AdvisorAllocationService;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.CaseFile;
import org.rrp.workflow.casework.EnglishDates;
import org.rrp.workflow.notification.MailTemplates;
import org.rrp.workflow.notification.Notifier;
import org.rrp.workflow.notification.OnceKey;
import org.rrp.workflow.reminder.MeetingReminders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The conference's service tasks and listeners: variables in, one call to a service (mostly a notification). */
@Configuration(proxyBeanMethods = false)
class ConferenceDelegates {

  static final String CONFERENCE = "Restorative Conference";
  static final DateTimeFormatter DAY = EnglishDates.DAY;
  static final String ADVISOR = "advisor";

  /** "Remind of consent due": the participant (and a child's parent or carer) whose decision is outstanding. */
  @Bean
  JavaDelegate remindOfConsentDelegate(Notifier notifier, MailTemplates mail, ConferenceDates dates,
      AdvisorAllocationService advisors) {
    return execution -> {
      CaseFile caseFile = CaseFile.of(execution);
      int number = ((Number) execution.getVariable(PARTICIPANT_NUMBER)).intValue();
      Participant participant = ConferenceRoster.of(execution).participant(number);
      String due = dates.consentDue(caseFile.text(CONSENT_REQUESTED_AT)).toInstant().atZone(CaseClock.ZONE).format(DAY);
      Set<String> recipients = new LinkedHashSet<>(Roster.emailsOf(participant));
      String advisorEmail = advisors.emailOf(caseFile.advisorId()).orElse(null);
      if (advisorEmail != null) {
        recipients.add(advisorEmail);
      }
      for (String email : recipients) {
        String role = email.equals(advisorEmail) ? ADVISOR : "participant";
        notifier.sendOnce(OnceKey.forCase(caseFile.caseReference(), "consent-reminder", number),
            mail.compose("conference-consent-reminder", caseFile.caseReference(), role, email,
                model("due", due, "forAdvisor", ADVISOR.equals(role), "number", number)));
      }
    };
  }

  /** "Remind participants of the conference": everyone named, and the advisor. */
  @Bean
  JavaDelegate remindOfConferenceDelegate(MeetingReminders reminders, AdvisorAllocationService advisors) {
    return execution -> {
      CaseFile caseFile = CaseFile.of(execution);
      reminders.remindOfMeeting(new MeetingReminders.Meeting(caseFile.caseReference(), CONFERENCE, "conference",
          caseFile.text(CONFERENCE_AT), caseFile.text(CONFERENCE_VENUE), caseFile.text(WHAT_TO_BRING),
          ConferenceRoster.of(execution).everyoneEmails(), advisors.emailOf(caseFile.advisorId()).orElse(null)));
    };
  }

  /** The daily check of the outcome agreement's actions, as the circle's. */
  @Bean
  JavaDelegate remindOwnersOfConferenceActionsDelegate(MeetingReminders reminders, AdvisorAllocationService advisors) {
    return execution -> {
      CaseFile caseFile = CaseFile.of(execution);
      reminders.remindOfActionsDue(caseFile.caseReference(), CONFERENCE, caseFile.actionPlan(),
          advisors.emailOf(caseFile.advisorId()).orElse(null), CaseClock.today());
    };
  }

  /** "Tell the person harmed the outcome" of the follow-up. */
  @Bean
  JavaDelegate tellPersonHarmedDelegate(Notifier notifier, MailTemplates mail) {
    return execution -> {
      CaseFile caseFile = CaseFile.of(execution);
      for (String email : ConferenceRoster.of(execution).personHarmedEmails()) {
        notifier.sendOnce(OnceKey.forCase(caseFile.caseReference(), "conference-outcome"),
            mail.compose("conference-outcome", caseFile.caseReference(), "person harmed", email,
                model("kept", AgreementKept.label(caseFile.text(AGREEMENT_KEPT)),
                    "message", caseFile.text(OUTCOME_FOR_PERSON_HARMED))));
      }
    };
  }

  /** "Ask participants for feedback", at closure. */
  @Bean
  JavaDelegate askParticipantsForFeedbackDelegate(Notifier notifier, MailTemplates mail) {
    return execution -> {
      CaseFile caseFile = CaseFile.of(execution);
      for (String email : ConferenceRoster.of(execution).everyoneEmails()) {
        notifier.sendOnce(OnceKey.forCase(caseFile.caseReference(), "conference-feedback"),
            mail.compose("conference-feedback", caseFile.caseReference(), "participant", email, model()));
      }
    };
  }

  /** On the "Consent withdrawn" message (REST): what the record keeps of it, and no more. */
  @Bean
  ExecutionListener consentWithdrawnListener() {
    return execution -> execution.setVariable(NOT_HELD_REASON, ConferenceTaskChecks.WITHDRAWN);
  }

  /** How emails and forms name the follow-up's answer. */
  static final class AgreementKept {
    private AgreementKept() {
    }

    static String label(String value) {
      return switch (value == null ? "" : value) {
        case "kept" -> "the agreement was kept";
        case "partly-kept" -> "the agreement was partly kept";
        case "not-kept" -> "the agreement was not kept";
        default -> "";
      };
    }
  }
}
