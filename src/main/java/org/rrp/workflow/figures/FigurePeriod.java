package org.rrp.workflow.figures;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The period a figure is for, from its first day to its last day (inclusive), in the English school calendar: the
 * school year runs from 1 September to 31 August; its terms are autumn (September to December), spring (January to
 * March) and summer (April to August).
 */
record FigurePeriod(LocalDate from, LocalDate to, String label) {

  static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);
  /** A date as the figures take it: four digits of year, no sign (ISO would take +999999999-01-01). */
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  static FigurePeriod thisTerm(LocalDate today) {
    int year = today.getYear();
    return switch (today.getMonth()) {
      case SEPTEMBER, OCTOBER, NOVEMBER, DECEMBER ->
          new FigurePeriod(LocalDate.of(year, 9, 1), LocalDate.of(year, 12, 31), "Autumn term " + year);
      case JANUARY, FEBRUARY, MARCH -> new FigurePeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 3, 31), "Spring term " + year);
      default -> new FigurePeriod(LocalDate.of(year, 4, 1), LocalDate.of(year, 8, 31), "Summer term " + year);
    };
  }

  static FigurePeriod thisSchoolYear(LocalDate today) {
    int start = today.getMonthValue() >= Month.SEPTEMBER.getValue() ? today.getYear() : today.getYear() - 1;
    return new FigurePeriod(LocalDate.of(start, 9, 1), LocalDate.of(start + 1, 8, 31),
        "School year " + start + "/" + String.valueOf(start + 1).substring(2));
  }

  /**
   * The period named by a request: {@code this-term} (the default), {@code this-school-year}, or {@code range} with
   * {@code from} and {@code to} as dates ({@code YYYY-MM-DD}).
   *
   * @throws IllegalArgumentException with a sentence for the person asking, naming the field
   */
  static FigurePeriod of(String period, String from, String to, LocalDate today) {
    if (period == null || period.isBlank() || period.equals("this-term")) {
      return thisTerm(today);
    }
    if (period.equals("this-school-year")) {
      return thisSchoolYear(today);
    }
    if (!period.equals("range")) {
      throw new IllegalArgumentException("The period must be this-term, this-school-year or range.");
    }
    LocalDate start = date(from, "from");
    LocalDate end = date(to, "to");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("The date to must not be before the date from.");
    }
    if (start.plusYears(5).isBefore(end)) {
      throw new IllegalArgumentException("The period must not be longer than five years.");
    }
    return new FigurePeriod(start, end, start.format(UK) + " to " + end.format(UK));
  }

  private static LocalDate date(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("The date " + field + " is required for a range.");
    }
    try {
      if (!ISO_DATE.matcher(value.strip()).matches()) {
        throw new DateTimeParseException("not YYYY-MM-DD", value, 0);
      }
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("The date " + field + " is not a date (expected YYYY-MM-DD).");
    }
  }
}
