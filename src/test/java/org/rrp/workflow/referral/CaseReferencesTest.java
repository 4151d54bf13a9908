package org.rrp.workflow.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rrp.workflow.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Case references stay unique when a year's first cases start at the same instant, as on two nodes. */
@EngineTest
class CaseReferencesTest {

  static final int NEW_YEAR = 2031;

  @Autowired
  CaseReferences references;

  @Autowired
  PlatformTransactionManager transactionManager;

  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void yearNotStarted() {
    jdbc.update("delete from rrp_case_reference where reference_year = ?", NEW_YEAR);
  }

  @Test
  void theYearsFirstTwoCasesAtOnceGetTheFirstTwoReferences() throws Exception {
    CountDownLatch bothStarted = new CountDownLatch(2);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> issued = List.of(nodes.submit(() -> nextSlowly(bothStarted)), nodes.submit(() -> nextSlowly(bothStarted)));

      assertThat(List.of(issued.get(0).get(30, TimeUnit.SECONDS), issued.get(1).get(30, TimeUnit.SECONDS)))
          .containsExactlyInAnyOrder("RRP-2031-0001", "RRP-2031-0002");
    } finally {
      nodes.shutdownNow();
    }
  }

  @Test
  void aRequestThatIsRolledBackLeavesNoGap() {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    transaction.executeWithoutResult(status -> {
      references.next(NEW_YEAR);
      status.setRollbackOnly();
    });

    String first = transaction.execute(status -> references.next(NEW_YEAR));
    assertThat(first).isEqualTo("RRP-2031-0001");
  }

  private String nextSlowly(CountDownLatch bothStarted) {
    return new TransactionTemplate(transactionManager).execute(status -> {
      bothStarted.countDown();
      try {
        bothStarted.await(10, TimeUnit.SECONDS);
        String reference = references.next(NEW_YEAR);
        Thread.sleep(300);
        return reference;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
  }
}
