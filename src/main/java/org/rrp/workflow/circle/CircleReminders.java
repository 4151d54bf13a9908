package org.rrp.workflow.circle;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.rrp.workflow.circle.ActionPlan.Action;
import org.rrp.workflow.circle.ActionPlan.Participant;
import org.rrp.workflow.notification.Notification;
import org.rrp.workflow.notification.Notifier;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.FormInput;
import org.springframework.stereotype.Service;

/**
 * The circle's reminders: before each meeting to its participants and the advisor; when an action falls due and
 * is not recorded as done, to its owner and the advisor. Each goes once per recipient (see
 * {@link Notifier#sendOnce}). Subjects name the case reference, never the child.
 */
@Service
class CircleReminders {

  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  record Meeting(String caseReference, String kind, String at, String venue, String whatToBring,
      List<Participant> participants, String advisorEmail) {
  }

  private final Notifier notifier;

  CircleReminders(Notifier notifier) {
    this.notifier = notifier;
  }

  void remindOfMeeting(Meeting meeting) {
    String when = OffsetDateTime.parse(meeting.at()).atZoneSameInstant(CaseClock.ZONE).format(WHEN);
    Set<String> recipients = new LinkedHashSet<>();
    meeting.participants().forEach(participant -> recipients.add(participant.email().strip()));
    if (meeting.advisorEmail() != null) {
      recipients.add(meeting.advisorEmail());
    }
    for (String email : recipients) {
      notifier.sendOnce(meeting.caseReference() + "/meeting/" + meeting.kind() + "/" + meeting.at() + "/" + email,
          new Notification("meeting-reminder", meeting.caseReference(),
              email.equals(meeting.advisorEmail()) ? "advisor" : "participant", email,
              "Reminder: Solution Focused Circle " + meeting.kind() + " meeting, " + when,
              """
              This is a reminder of the Solution Focused Circle %s meeting for case %s.

              When:  %s
              Where: %s
              What to bring: %s

              If you cannot attend, please let the RRP advisor know as soon as possible.

              RRP team, Virtual School
              """.formatted(meeting.kind(), meeting.caseReference(), when, meeting.venue(),
                  meeting.whatToBring() == null || meeting.whatToBring().isBlank()
                      ? "nothing beyond your notes of the actions agreed" : meeting.whatToBring())));
    }
  }

  /** Reminds owners (and the advisor) of every action due by {@code today} and not recorded as done. */
  void remindOfActionsDue(String caseReference, List<Action> plan, String advisorEmail, LocalDate today) {
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
        notifier.sendOnce(caseReference + "/action/" + (i + 1) + "/" + action.byWhen() + "/" + email,
            new Notification("action-due", caseReference, email.equals(advisorEmail) ? "advisor" : "action owner", email,
                "Action due: case " + caseReference,
                """
                An action agreed at the Solution Focused Circle for case %s was due by %s and is not yet recorded as done.

                Action: %s
                Who:    %s

                If it is done, please tell the RRP advisor so it can be recorded at the next review.

                RRP team, Virtual School
                """.formatted(caseReference, byWhen.format(DAY), action.what(), action.owner())));
      }
    }
  }
}
