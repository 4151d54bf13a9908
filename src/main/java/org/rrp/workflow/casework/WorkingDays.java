package org.rrp.workflow.casework;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;

/** Working-day arithmetic: Saturdays and Sundays do not count. Bank holidays are not modelled. */
public final class WorkingDays {

  private WorkingDays() {
  }

  public static ZonedDateTime add(ZonedDateTime start, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + workingDays);
    }
    ZonedDateTime result = start;
    int added = 0;
    while (added < workingDays) {
      result = result.plusDays(1);
      if (isWorkingDay(result)) {
        added++;
      }
    }
    return result;
  }

  public static ZonedDateTime subtract(ZonedDateTime start, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + workingDays);
    }
    ZonedDateTime result = start;
    int counted = 0;
    while (counted < workingDays) {
      result = result.minusDays(1);
      if (isWorkingDay(result)) {
        counted++;
      }
    }
    return result;
  }

  public static boolean isWorkingDay(ZonedDateTime time) {
    DayOfWeek day = time.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
  }
}
