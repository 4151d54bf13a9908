package org.rrp.workflow.reminder;

import static org.rrp.workflow.notification.MailTemplates.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.rrp.workflow.casework.Action;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.FormInput;
import org.rrp.workflow.casework.EnglishDates;
import org.rrp.workflow.notification.MailTemplates;
import org.rrp.workflow.notification.Notifier;
import org.rrp.workflow.notification.OnceKey;
import org.springframework.stereotype.Service;

/**
 * Reminders of a case's meetings and actions, for every service that holds meetings (a circle, a conference):
 * before each meeting to its participants and the advisor; when an action falls due and is not recorded as done,
 * to its owner and the advisor. Each goes once per recipient (see {@link Notifier#sendOnce}).
 */
@Service
public class MeetingReminders {

  static final DateTimeFormatter WHEN = EnglishDates.WEEKDAY_AND_TIME;
  static final DateTimeFormatter DAY = EnglishDates.WEEKDAY;

  /**
   * One meeting of a case.
   *
   * @param name what the meeting is, as the reminder names it: "Solution Focused Circle initial meeting"
   * @param kind a short key of the meeting within its case, unique with its time: "initial", "review 1"
   * @param at when, as the forms submit it (ISO date-time with offset)
   * @param participantEmails who attends (the advisor is added)
   */
  public record Meeting(String caseReference, String name, String kind, String at, String venue, String whatToBring,
      List<String> participantEmails, String advisorEmail) {
  }

  private final Notifier notifier;
  private final MailTemplates mail;

  MeetingReminders(Notifier notifier, MailTemplates mail) {
    this.notifier = notifier;
    this.mail = mail;
  }

  public void remindOfMeeting(Meeting meeting) {
    String when = OffsetDateTime.parse(meeting.at()).atZoneSameInstant(CaseClock.ZONE).format(WHEN);
    Set<String> recipients = new LinkedHashSet<>();
    meeting.participantEmails().forEach(email -> recipients.add(email.strip()));
    if (meeting.advisorEmail() != null) {
      recipients.add(meeting.advisorEmail());
    }
    for (String email : recipients) {
      notifier.sendOnce(OnceKey.forCase(meeting.caseReference(), "meeting", meeting.kind(), meeting.at()),
          mail.compose("meeting-reminder", meeting.caseReference(),
              email.equals(meeting.advisorEmail()) ? "advisor" : "participant", email,
              model("meeting", meeting.name(), "when", when, "venue", meeting.venue(), "bring",
                  meeting.whatToBring() == null || meeting.whatToBring().isBlank()
                      ? "nothing beyond your notes of the actions agreed" : meeting.whatToBring())));
    }
  }

  /**
   * Reminds owners (and the advisor) of every action due by {@code today} and not recorded as done: on the day it
   * falls due ("is due today"), or on the first check after it when none ran that day ("was due by").
   *
   * @param agreedAt where the actions were agreed, as the reminder names it: "Solution Focused Circle"
   */
  public void remindOfActionsDue(String caseReference, String agreedAt, List<Action> plan, String advisorEmail,
      LocalDate today) {
    for (int i = 0; i < plan.size(); i++) {
      Action action = plan.get(i);
      LocalDate byWhen = FormInput.parseDate(action.byWhen());
      if (action.isDone() || byWhen == null || byWhen.isAfter(today)) {
        continue;
      }
      Set<String> recipients = new LinkedHashSet<>();
      recipients.add(action.ownerEmail().strip());
      if (advisorEmail != null) {
        recipients.add(advisorEmail);
      }
      for (String email : recipients) {
        notifier.sendOnce(OnceKey.forCase(caseReference, "action", i + 1, action.byWhen()),
            mail.compose("action-due", caseReference, email.equals(advisorEmail) ? "advisor" : "action owner", email,
                model("agreedAt", agreedAt, "due", byWhen.format(DAY), "overdue", byWhen.isBefore(today),
                    "what", action.what(), "owner", action.owner())));
      }
    }
  }
}
