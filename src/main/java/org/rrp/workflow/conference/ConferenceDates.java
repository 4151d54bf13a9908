package org.rrp.workflow.conference;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;

import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.WorkingDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The conference's dates for its timers and due dates, e.g. {@code ${conferenceDates.consentDue(consentRequestedAt)}}:
 * consent is due a configured number of working days after it was requested
 * ({@code rrp.conference.consent-working-days}), with a reminder a number of working days before
 * ({@code rrp.conference.consent-reminder-working-days}); the follow-up is on its set day.
 */
@Component("conferenceDates")
public class ConferenceDates {

  /** The follow-up falls due at this time of its day. */
  static final LocalTime FOLLOW_UP_TIME = LocalTime.of(9, 0);

  private final WorkingDays workingDays;
  private final int consentWorkingDays;
  private final int reminderWorkingDays;

  ConferenceDates(WorkingDays workingDays, @Value("${rrp.conference.consent-working-days:10}") int consentWorkingDays,
      @Value("${rrp.conference.consent-reminder-working-days:2}") int reminderWorkingDays) {
    if (reminderWorkingDays >= consentWorkingDays) {
      throw new IllegalStateException("rrp.conference.consent-reminder-working-days must be fewer than "
          + "rrp.conference.consent-working-days, so the reminder comes after consent was asked for");
    }
    this.workingDays = workingDays;
    this.consentWorkingDays = consentWorkingDays;
    this.reminderWorkingDays = reminderWorkingDays;
  }

  /** When consent requested at {@code requestedAt} (ISO date-time) must be given by. */
  public Date consentDue(String requestedAt) {
    return Date.from(due(requestedAt).toInstant());
  }

  /** When those whose consent is still outstanding are reminded: working days before the deadline, never in the past. */
  public Date consentReminder(String requestedAt) {
    ZonedDateTime remind = workingDays.subtract(due(requestedAt), reminderWorkingDays);
    ZonedDateTime now = CaseClock.now();
    return Date.from((remind.isBefore(now) ? now : remind).toInstant());
  }

  /** The follow-up on its day ({@code YYYY-MM-DD}), in the morning. */
  public Date followUp(String followUpOn) {
    return Date.from(LocalDate.parse(followUpOn).atTime(FOLLOW_UP_TIME).atZone(CaseClock.ZONE).toInstant());
  }

  private ZonedDateTime due(String requestedAt) {
    return workingDays.add(OffsetDateTime.parse(requestedAt).atZoneSameInstant(CaseClock.ZONE), consentWorkingDays);
  }
}
