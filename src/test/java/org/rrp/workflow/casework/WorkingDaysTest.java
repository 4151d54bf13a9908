package org.rrp.workflow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

  static final ZonedDateTime WEDNESDAY = ZonedDateTime.of(2026, 3, 4, 10, 0, 0, 0, CaseClock.ZONE);

  final WorkingDays workingDays = WorkingDays.england();

  @Test
  void countsWeekdaysOnly() {
    assertThat(workingDays.add(WEDNESDAY, 2)).isEqualTo(WEDNESDAY.plusDays(2));
    assertThat(workingDays.add(WEDNESDAY, 3)).isEqualTo(WEDNESDAY.plusDays(5));
    assertThat(workingDays.add(WEDNESDAY, 10)).isEqualTo(WEDNESDAY.plusDays(14));
  }

  @Test
  void fromAWeekendTheFirstWorkingDayIsMonday() {
    ZonedDateTime saturday = WEDNESDAY.plusDays(3);

    assertThat(workingDays.add(saturday, 1)).isEqualTo(saturday.plusDays(2));
  }

  @Test
  void countingBackSkipsTheWeekendToo() {
    ZonedDateTime tuesday = WEDNESDAY.minusDays(1);

    assertThat(workingDays.subtract(tuesday, 2)).as("Tuesday less two working days is Friday").isEqualTo(tuesday.minusDays(4));
    assertThat(workingDays.subtract(tuesday, 0)).isEqualTo(tuesday);
  }

  @Test
  void zeroWorkingDaysIsNow() {
    assertThat(workingDays.add(WEDNESDAY, 0)).isEqualTo(WEDNESDAY);
  }

  @Test
  void christmasAndBoxingDayAndNewYearDoNotCount() {
    ZonedDateTime christmasEve2026 = ZonedDateTime.of(2026, 12, 24, 10, 0, 0, 0, CaseClock.ZONE);

    // 25 Dec 2026 is a Friday, Boxing Day a Saturday (substitute Monday 28th); 1 Jan 2027 a Friday.
    assertThat(workingDays.add(christmasEve2026, 1).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 29));
    assertThat(workingDays.add(christmasEve2026, 3).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(workingDays.add(christmasEve2026, 4).toLocalDate()).isEqualTo(LocalDate.of(2027, 1, 4));
    assertThat(workingDays.subtract(ZonedDateTime.of(2026, 12, 29, 9, 0, 0, 0, CaseClock.ZONE), 1).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 12, 24));
  }

  @Test
  void aBankHolidayMondayDoesNotCount() {
    ZonedDateTime fridayBeforeEarlyMay = ZonedDateTime.of(2026, 5, 1, 10, 0, 0, 0, CaseClock.ZONE);

    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 5, 4))).as("early May bank holiday").isFalse();
    assertThat(workingDays.add(fridayBeforeEarlyMay, 1).toLocalDate()).isEqualTo(LocalDate.of(2026, 5, 5));
    assertThat(workingDays.between(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 8))).isEqualTo(4);
  }

  @Test
  void anotherNationHasItsOwnBankHolidays() {
    WorkingDays scotland = new WorkingDays("gb", "sct");

    assertThat(scotland.isWorkingDay(LocalDate.of(2026, 1, 2))).as("2 January is a Scottish bank holiday").isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 1, 2))).as("but not an English one").isTrue();
    assertThat(scotland.isWorkingDay(LocalDate.of(2026, 8, 31))).as("no late August holiday in Scotland").isTrue();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 8, 31))).isFalse();
  }
}
