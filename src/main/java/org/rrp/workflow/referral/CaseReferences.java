package org.rrp.workflow.referral;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues human-readable case references, {@code RRP-<year>-<number>} (e.g. RRP-2026-0042), numbered from 1 each
 * year. The counter row is advanced in the engine's transaction: a request that is rejected leaves no gap, and
 * the row lock serialises concurrent starts. A new year's row is made in a transaction of its own, so two nodes
 * starting the year's first cases at the same instant both get a reference (one insert wins, both then count on).
 */
@Repository
class CaseReferences {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  CaseReferences(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  String next(int year) {
    String advance = "update rrp_case_reference set last_number = last_number + 1 where reference_year = ?";
    if (jdbc.update(advance, year) == 0) {
      ownTransaction.executeWithoutResult(status -> {
        try {
          jdbc.update("insert into rrp_case_reference (reference_year, last_number) values (?, 0)", year);
        } catch (DuplicateKeyException madeByAnotherNode) {
          status.setRollbackOnly();
        }
      });
      jdbc.update(advance, year);
    }
    Integer number = jdbc.queryForObject("select last_number from rrp_case_reference where reference_year = ?",
        Integer.class, year);
    return format(year, number);
  }

  static String format(int year, int number) {
    return "RRP-%d-%04d".formatted(year, number);
  }
}
