package org.rrp.workflow.casework;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Working-day arithmetic: weekends and the bank holidays of the configured nation do not count. Bank holidays come
 * from the jollyday library's calendar (England and Wales by default: {@code rrp.calendar.country=gb},
 * {@code rrp.calendar.region=eng}; Scotland is {@code sct}, Northern Ireland {@code nir}).
 */
public final class WorkingDays {

  private final HolidayManager holidays;
  private final String[] region;

  public WorkingDays(String country, String region) {
    this.holidays = HolidayManager.getInstance(ManagerParameters.create(country));
    this.region = region == null || region.isBlank() ? new String[0] : new String[] {region};
  }

  /** Working days in England (bank holidays of England and Wales). */
  public static WorkingDays england() {
    return new WorkingDays(HolidayCalendar.UNITED_KINGDOM.getId(), "eng");
  }

  public ZonedDateTime add(ZonedDateTime start, int workingDays) {
    return move(start, workingDays, 1);
  }

  public ZonedDateTime subtract(ZonedDateTime start, int workingDays) {
    return move(start, workingDays, -1);
  }

  private ZonedDateTime move(ZonedDateTime start, int workingDays, int step) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + workingDays);
    }
    ZonedDateTime result = start;
    int counted = 0;
    while (counted < workingDays) {
      result = result.plusDays(step);
      if (isWorkingDay(result.toLocalDate())) {
        counted++;
      }
    }
    return result;
  }

  public boolean isWorkingDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.isHoliday(day, region);
  }

  /** Working days from {@code from} (exclusive) to {@code to} (inclusive); 0 when {@code to} is not later. */
  public int between(LocalDate from, LocalDate to) {
    int days = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        days++;
      }
    }
    return days;
  }
}
