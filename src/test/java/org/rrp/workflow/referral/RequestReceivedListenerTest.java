package org.rrp.workflow.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class RequestReceivedListenerTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 6);

  @Test
  void leavingCareExactlySixYearsAgoIsSeventyTwoMonths() {
    assertThat(RequestReceivedListener.monthsSince(TODAY.minusYears(6), TODAY)).isEqualTo(72);
  }

  @Test
  void aPartMonthCountsAsAWholeOneSoSixYearsAndADayIsOverTheLimit() {
    assertThat(RequestReceivedListener.monthsSince(TODAY.minusYears(6).minusDays(1), TODAY)).isEqualTo(73);
    assertThat(RequestReceivedListener.monthsSince(TODAY.minusYears(6).minusDays(20), TODAY)).isEqualTo(73);
  }

  @Test
  void leavingCareTodayIsZeroMonths() {
    assertThat(RequestReceivedListener.monthsSince(TODAY, TODAY)).isZero();
  }
}
