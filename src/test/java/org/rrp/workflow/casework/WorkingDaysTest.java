package org.rrp.workflow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

  static final ZonedDateTime WEDNESDAY = ZonedDateTime.of(2026, 3, 4, 10, 0, 0, 0, CaseClock.ZONE);

  @Test
  void countsWeekdaysOnly() {
    assertThat(WorkingDays.add(WEDNESDAY, 2)).isEqualTo(WEDNESDAY.plusDays(2));
    assertThat(WorkingDays.add(WEDNESDAY, 3)).isEqualTo(WEDNESDAY.plusDays(5));
    assertThat(WorkingDays.add(WEDNESDAY, 10)).isEqualTo(WEDNESDAY.plusDays(14));
  }

  @Test
  void fromAWeekendTheFirstWorkingDayIsMonday() {
    ZonedDateTime saturday = WEDNESDAY.plusDays(3);

    assertThat(WorkingDays.add(saturday, 1)).isEqualTo(saturday.plusDays(2));
  }

  @Test
  void countingBackSkipsTheWeekendToo() {
    ZonedDateTime tuesday = WEDNESDAY.minusDays(1);

    assertThat(WorkingDays.subtract(tuesday, 2)).as("Tuesday less two working days is Friday").isEqualTo(tuesday.minusDays(4));
    assertThat(WorkingDays.subtract(tuesday, 0)).isEqualTo(tuesday);
  }

  @Test
  void zeroWorkingDaysIsNow() {
    assertThat(WorkingDays.add(WEDNESDAY, 0)).isEqualTo(WEDNESDAY);
  }
}
