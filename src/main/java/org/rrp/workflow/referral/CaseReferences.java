package org.rrp.workflow.referral;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Issues human-readable case references, {@code RRP-<year>-<number>} (e.g. RRP-2026-0042), numbered from 1 each
 * year. The counter row is advanced in the engine's transaction: a request that is rejected leaves no gap, and
 * the row lock serialises concurrent starts.
 */
@Repository
class CaseReferences {

  private final JdbcTemplate jdbc;

  CaseReferences(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  String next(int year) {
    int updated = jdbc.update("update rrp_case_reference set last_number = last_number + 1 where reference_year = ?", year);
    if (updated == 0) {
      jdbc.update("insert into rrp_case_reference (reference_year, last_number) values (?, 1)", year);
    }
    Integer number = jdbc.queryForObject("select last_number from rrp_case_reference where reference_year = ?",
        Integer.class, year);
    return format(year, number);
  }

  static String format(int year, int number) {
    return "RRP-%d-%04d".formatted(year, number);
  }
}
