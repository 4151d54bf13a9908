package org.rrp.workflow.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rrp.workflow.EngineTest;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.figures.Report.Table;
import org.rrp.workflow.referral.ReferralVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each question answered from known case facts: exact figures, the small-number rule, the period's edges. */
@EngineTest
class FiguresTest {

  static final String EAST = "area-east-staffs-tamworth";
  static final String CANNOCK = "area-cannock-lichfield";
  static final FigurePeriod AUTUMN = new FigurePeriod(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 31), "Autumn term 2026");

  @Autowired
  Figures figures;

  @Autowired
  JdbcTemplate jdbc;

  int cases;

  @BeforeEach
  void noFacts() {
    jdbc.update("delete from rrp_case_fact");
    jdbc.update("delete from rrp_notification_sent");
    ClockUtil.setCurrentTime(java.util.Date.from(LocalDateTime.of(2026, 11, 23, 12, 0).atZone(CaseClock.ZONE).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void demandCountsRequestsInThePeriodByEligibilityServiceAndDeclineReason() {
    for (int i = 0; i < 6; i++) {
      fact(EAST, "2026-09-10T10:00", "solution-focused-circle", true, null, null);
    }
    fact(EAST, "2026-09-11T10:00", "advice-and-guidance", false, ReferralVariables.OVERRIDE, "Over 18");
    for (int i = 0; i < 5; i++) {
      fact(CANNOCK, "2026-10-01T10:00", "advice-and-guidance", false, ReferralVariables.DECLINE, "Not in the cohort");
    }
    fact(CANNOCK, "2026-08-31T23:59", "advice-and-guidance", true, null, null);   // the summer term, UK time
    fact(CANNOCK, "2027-01-01T00:00", "advice-and-guidance", true, null, null);   // the spring term

    Report demand = figures.report("demand", AUTUMN, null);

    assertThat(rows(demand, 0)).containsExactly(List.of("All requests", "12"));
    assertThat(rows(demand, 1)).containsExactly(List.of("Eligible", "6"),
        List.of("Ineligible, overridden by a coordinator", "fewer than 5"), List.of("Ineligible, declined", "5"),
        List.of("Ineligible, awaiting a coordinator", "0"));
    assertThat(rows(demand, 2)).containsExactlyInAnyOrder(List.of("Solution Focused Circle", "6"), List.of("Advice and guidance", "6"));
    assertThat(rows(demand, 3)).containsExactly(List.of("Not in the cohort", "5"));
    assertThat(demand.tables().get(1).chartValues()).containsExactly(6, null, 5, 0);
  }

  @Test
  void demandOfOneAreaCountsThatAreaOnly() {
    fact(EAST, "2026-09-10T10:00", "solution-focused-circle", true, null, null);
    fact(CANNOCK, "2026-09-10T10:00", "solution-focused-circle", true, null, null);

    assertThat(rows(figures.report("demand", AUTUMN, CANNOCK), 0)).containsExactly(List.of("All requests", "fewer than 5"));
    assertThat(figures.report("demand", AUTUMN, CANNOCK).area()).isEqualTo("Cannock & Lichfield");
  }

  @Test
  void caseloadCountsOpenCasesByAreaAndAdvisorAndTheUnallocated() {
    for (int i = 0; i < 5; i++) {
      allocated(fact(EAST, "2026-09-10T10:00", "advice-and-guidance", true, null, null), "alex", "2026-09-11T10:00", 1, false);
    }
    allocated(fact(EAST, "2026-09-10T10:00", "advice-and-guidance", true, null, null), "ash", "2026-09-11T10:00", 1, true);
    closed(allocated(fact(EAST, "2026-09-10T10:00", "advice-and-guidance", true, null, null), "alex", "2026-09-11T10:00", 1, false),
        "2026-09-20T10:00", "advice");
    fact(CANNOCK, "2026-09-10T10:00", "advice-and-guidance", true, null, null);

    Report caseload = figures.report("caseload", AUTUMN, null);

    assertThat(rows(caseload, 0)).containsExactly(List.of("East Staffs & Tamworth", "6"), List.of("Cannock & Lichfield", "fewer than 5"));
    assertThat(rows(caseload, 1)).containsExactly(List.of("alex", "5"), List.of("ash", "fewer than 5"));
    assertThat(rows(caseload, 2)).containsExactly(List.of("Open cases without an advisor", "fewer than 5"));
    assertThat(rows(caseload, 3)).containsExactly(List.of("Allocated by a coordinator", "fewer than 5"));
  }

  @Test
  void timelinessGivesTheMedianAndNinetiethPercentileOnlyForEnoughCases() {
    int[] days = {1, 2, 2, 3, 4, 5, 8, 9, 10, 12};
    for (int day : days) {
      allocated(fact(EAST, "2026-09-01T10:00", "advice-and-guidance", true, null, null), "alex", "2026-09-20T10:00", day, false);
    }
    meeting(allocated(fact(EAST, "2026-09-01T10:00", "solution-focused-circle", true, null, null), "alex", "2026-09-20T10:00", 1, false),
        "2026-10-01T10:00", 7);
    jdbc.update("insert into rrp_notification_sent (notification_key, notification_type, case_reference, sent_at) values (?, ?, ?, ?)",
        "task/1/overdue/x@example.org", "task-overdue", "RRP-2026-0001", Timestamp.valueOf("2026-10-01 10:00:00"));

    Report timeliness = figures.report("timeliness", AUTUMN, null);

    assertThat(rows(timeliness, 0).get(0)).containsExactly("From request to allocation", "11", "4", "10");
    assertThat(rows(timeliness, 0).get(1)).containsExactly("From allocation to the first meeting", "fewer than 5",
        "not shown for fewer than 5 cases", "");
    assertThat(rows(timeliness, 2)).containsExactly(List.of("Reminders of overdue tasks", "fewer than 5"),
        List.of("Escalations to coordinators", "0"));
  }

  @Test
  void outcomesCountCasesClosedInThePeriod() {
    for (int i = 0; i < 5; i++) {
      closed(fact(EAST, "2026-06-01T10:00", "solution-focused-circle", true, null, null), "2026-10-01T10:00",
          "circle-resolved-first-review");
    }
    closed(fact(EAST, "2026-06-01T10:00", "restorative-conference", true, null, null), "2026-10-01T10:00", "conference-withdrawn");
    closed(fact(EAST, "2026-06-01T10:00", "advice-and-guidance", true, null, null), "2027-01-02T10:00", "advice");

    List<List<String>> outcomes = rows(figures.report("outcomes", AUTUMN, null), 0);

    assertThat(outcomes).contains(List.of("Circle: resolved at the first review", "5"),
        List.of("Conference not held: consent withdrawn", "fewer than 5"), List.of("Advice and guidance given", "0"));
  }

  @Test
  void periodsFollowTheEnglishSchoolYear() {
    assertThat(FigurePeriod.thisTerm(LocalDate.of(2026, 11, 23))).isEqualTo(AUTUMN);
    assertThat(FigurePeriod.thisTerm(LocalDate.of(2027, 2, 1)).from()).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(FigurePeriod.thisTerm(LocalDate.of(2027, 8, 31)).to()).isEqualTo(LocalDate.of(2027, 8, 31));
    FigurePeriod year = FigurePeriod.thisSchoolYear(LocalDate.of(2027, 3, 3));
    assertThat(year.from()).isEqualTo(LocalDate.of(2026, 9, 1));
    assertThat(year.to()).isEqualTo(LocalDate.of(2027, 8, 31));
    assertThat(year.label()).isEqualTo("School year 2026/27");
    assertThat(FigurePeriod.of("range", "2026-09-01", "2026-09-30", LocalDate.now()).label()).isEqualTo("01/09/2026 to 30/09/2026");
  }

  @Test
  void badPeriodsAreasAndQuestionsAreRefusedInASentenceThatNamesTheField() {
    LocalDate today = LocalDate.of(2026, 11, 23);
    assertThatThrownBy(() -> FigurePeriod.of("fortnight", null, null, today)).hasMessage("The period must be this-term, this-school-year or range.");
    assertThatThrownBy(() -> FigurePeriod.of("range", "2026-13-01", "2026-12-01", today)).hasMessage("The date from is not a date (expected YYYY-MM-DD).");
    assertThatThrownBy(() -> FigurePeriod.of("range", "2026-12-01", null, today)).hasMessage("The date to is required for a range.");
    assertThatThrownBy(() -> FigurePeriod.of("range", "2026-12-01", "2026-11-01", today)).hasMessage("The date to must not be before the date from.");
    assertThatThrownBy(() -> figures.report("demand", AUTUMN, "area-atlantis")).hasMessage("The area is not one of the district table's areas.");
    assertThatThrownBy(() -> figures.report("salaries", AUTUMN, null)).hasMessageStartingWith("The question must be one of");
  }

  // ---- known facts -------------------------------------------------------------------------------------------

  private String fact(String area, String receivedAt, String service, boolean eligible, String decision, String reason) {
    String id = "case-" + (++cases);
    jdbc.update("insert into rrp_case_fact (process_instance_id, case_reference, received_at, service, area, eligible, "
        + "ineligible_decision, ineligibility_reason) values (?, ?, ?, ?, ?, ?, ?, ?)", id, "RRP-2026-" + cases,
        london(receivedAt), service, area, eligible, decision, reason);
    return id;
  }

  private String allocated(String id, String advisor, String at, int days, boolean byHand) {
    jdbc.update("update rrp_case_fact set advisor_id = ?, allocated_at = ?, days_to_allocation = ?, allocated_by_hand = ? "
        + "where process_instance_id = ?", advisor, london(at), days, byHand, id);
    return id;
  }

  private String meeting(String id, String at, int days) {
    jdbc.update("update rrp_case_fact set first_meeting_at = ?, days_to_first_meeting = ? where process_instance_id = ?",
        london(at), days, id);
    return id;
  }

  private void closed(String id, String at, String outcome) {
    jdbc.update("update rrp_case_fact set closed_at = ?, outcome = ? where process_instance_id = ?",
        london(at), outcome, id);
  }

  /** A time in the UK, as the application stores it. */
  private static Timestamp london(String localTime) {
    return Timestamp.from(LocalDateTime.parse(localTime).atZone(CaseClock.ZONE).toInstant());
  }

  private static List<List<String>> rows(Report report, int table) {
    Table chosen = report.tables().get(table);
    return chosen.rows();
  }
}
