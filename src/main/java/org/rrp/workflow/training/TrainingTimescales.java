package org.rrp.workflow.training;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;

import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.WorkingDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A stage's timescale in terms, counted in working days ({@code rrp.training.term-working-days}, default 65: a term
 * of 13 weeks), and when a stage that runs past it reminds the leads (09:00 on the next working day) and then tells
 * the area advisor ({@code rrp.training.escalate-after-working-days} later). The model's timers use it as
 * {@code ${trainingTimescales.escalation(stageDueAt)}}.
 */
@Component("trainingTimescales")
public class TrainingTimescales {

  static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

  private final WorkingDays workingDays;
  private final int termWorkingDays;
  private final int escalateAfterWorkingDays;

  TrainingTimescales(WorkingDays workingDays, @Value("${rrp.training.term-working-days}") int termWorkingDays,
      @Value("${rrp.training.escalate-after-working-days}") int escalateAfterWorkingDays) {
    this.workingDays = workingDays;
    this.termWorkingDays = termWorkingDays;
    this.escalateAfterWorkingDays = escalateAfterWorkingDays;
  }

  /** The last day of a stage started on {@code start} with a timescale of {@code terms}. */
  LocalDate dueOn(LocalDate start, int terms) {
    return workingDays.add(start.atStartOfDay(CaseClock.ZONE), terms * termWorkingDays).toLocalDate();
  }

  /** When the leads are reminded of a stage due on {@code dueOn}: 09:00 on the next working day. */
  Date reminderAt(LocalDate dueOn) {
    return Date.from(workingDays.add(dueOn.atTime(REMINDER_TIME).atZone(CaseClock.ZONE), 1).toInstant());
  }

  /** When the area advisor is told, after the leads' reminder at {@code remindedAt}. */
  public Date escalation(Date remindedAt) {
    ZonedDateTime reminded = remindedAt.toInstant().atZone(CaseClock.ZONE);
    return Date.from(workingDays.add(reminded, escalateAfterWorkingDays).toInstant());
  }

  /** A due date moved on by the working days a journey was paused. */
  LocalDate afterPause(LocalDate dueOn, LocalDate pausedOn, LocalDate resumedOn) {
    return workingDays.add(dueOn.atStartOfDay(CaseClock.ZONE), workingDays.between(pausedOn, resumedOn)).toLocalDate();
  }
}
