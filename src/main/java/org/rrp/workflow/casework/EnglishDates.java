package org.rrp.workflow.casework;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as people read them in the team's emails and documents: {@code 20/01/2027}, and
 * {@code Monday 04/05/2026 at 14:00} (24-hour clock). Every email template gets its dates through these, never the
 * ISO text a form or variable holds.
 */
public final class EnglishDates {

  public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);
  public static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE dd/MM/yyyy", Locale.UK);
  public static final DateTimeFormatter WEEKDAY_AND_TIME = DateTimeFormatter.ofPattern("EEEE dd/MM/yyyy 'at' HH:mm",
      Locale.UK);

  private EnglishDates() {
  }

  /** A day as a form submits it ({@code YYYY-MM-DD}) written {@code dd/mm/yyyy}; null when it is not a day. */
  public static String day(String isoDate) {
    LocalDate day = FormInput.parseDate(isoDate);
    return day == null ? null : day.format(DAY);
  }
}
