package org.rrp.workflow.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.WorkingDays;

class RemindersTest {

  final Reminders reminders = new Reminders(new ReminderProperties(2, 2, "0 0 8 ? * MON-FRI"), WorkingDays.england());

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void meetingReminderGoesTheLeadTimeInWorkingDaysBefore() {
    ClockUtil.setCurrentTime(at(2026, 3, 2, 9));

    assertThat(reminders.beforeMeeting("2026-03-10T14:00+00:00")).as("Tuesday's meeting: reminded the Friday before")
        .isEqualTo(at(2026, 3, 6, 14));
  }

  @Test
  void meetingArrangedWithinTheLeadTimeIsRemindedAtOnce() {
    ClockUtil.setCurrentTime(at(2026, 3, 9, 9));

    assertThat(reminders.beforeMeeting("2026-03-10T14:00+00:00")).isEqualTo(at(2026, 3, 9, 9));
  }

  @Test
  void escalationFollowsTheDueDateByWorkingDays() {
    assertThat(reminders.escalationAfter(at(2026, 3, 6, 17))).as("Friday: escalated on Tuesday").isEqualTo(at(2026, 3, 10, 17));
  }

  private static Date at(int year, int month, int day, int hour) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, CaseClock.ZONE).toInstant());
  }
}
