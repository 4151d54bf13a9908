package org.rrp.workflow.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The time of case work: the engine's clock (so tests drive it with {@code ClockUtil}), in UK local time, where
 * the service runs and where its dates (birthdays, meetings, due dates) are meant.
 */
public final class CaseClock {

  public static final ZoneId ZONE = ZoneId.of("Europe/London");

  private CaseClock() {
  }

  public static Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static ZonedDateTime now() {
    return instant().atZone(ZONE);
  }

  public static LocalDate today() {
    return now().toLocalDate();
  }

  /** The UK day of an engine timestamp (a task's creation, say); null for null. */
  public static LocalDate dayOf(java.util.Date time) {
    return time == null ? null : time.toInstant().atZone(ZONE).toLocalDate();
  }
}
