package org.rrp.workflow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** Dates in emails read dd/mm/yyyy, times on the 24-hour clock, whatever the machine's locale. */
class EnglishDatesTest {

  @Test
  void aDayReadsDayMonthYearAndADayAndTimeNamesTheWeekdayOnThe24HourClock() {
    assertThat(EnglishDates.day("2027-01-20")).isEqualTo("20/01/2027");
    assertThat(EnglishDates.day("not a day")).isNull();
    assertThat(ZonedDateTime.of(2026, 5, 4, 14, 5, 0, 0, CaseClock.ZONE).format(EnglishDates.WEEKDAY_AND_TIME))
        .isEqualTo("Monday 04/05/2026 at 14:05");
    assertThat(ZonedDateTime.of(2026, 5, 4, 9, 0, 0, 0, CaseClock.ZONE).format(EnglishDates.WEEKDAY))
        .isEqualTo("Monday 04/05/2026");
  }

  @Test
  void anActionIsDueOnTheDayPeopleRead() {
    assertThat(new Action("Check in daily", "Sky Teacher", "sky.teacher@example.org", "2027-01-20", null, null).dueOn())
        .isEqualTo("20/01/2027");
  }
}
