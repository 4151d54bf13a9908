package org.rrp.workflow.reminder;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;

import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * Reminder times for the models' timers, e.g. {@code camunda:timeDate="${reminders.beforeMeeting(initialMeetingAt)}"}.
 */
@Component("reminders")
public class Reminders {

  private final ReminderProperties properties;
  private final WorkingDays workingDays;

  Reminders(ReminderProperties properties, WorkingDays workingDays) {
    this.properties = properties;
    this.workingDays = workingDays;
  }

  /** The lead time before the meeting, in working days; now, if that time has already passed. */
  public Date beforeMeeting(String meetingAt) {
    ZonedDateTime meeting = OffsetDateTime.parse(meetingAt).atZoneSameInstant(CaseClock.ZONE);
    ZonedDateTime remind = workingDays.subtract(meeting, properties.meetingLeadWorkingDays());
    ZonedDateTime now = CaseClock.now();
    return Date.from((remind.isBefore(now) ? now : remind).toInstant());
  }

  /** When an open task that fell due at {@code due} is escalated. */
  public Date escalationAfter(Date due) {
    return Date.from(workingDays.add(due.toInstant().atZone(CaseClock.ZONE), properties.escalateAfterWorkingDays())
        .toInstant());
  }

  public String getActionCheckCycle() {
    return properties.actionCheckCycle();
  }

}
