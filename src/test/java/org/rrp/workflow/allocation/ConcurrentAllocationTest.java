package org.rrp.workflow.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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

/**
 * Two allocations in one area at the same instant, each in its own transaction as on two nodes: the second waits for
 * the first and sees it, so fairness holds (the demo area East Staffs & Tamworth has two advisors, alex and ash).
 */
@EngineTest
class ConcurrentAllocationTest {

  static final String EAST = "area-east-staffs-tamworth";

  @Autowired
  AdvisorAllocationService allocation;

  @Autowired
  PlatformTransactionManager transactionManager;

  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void noCaseload() {
    jdbc.update("delete from rrp_case_allocation");
  }

  @Test
  void twoAllocationsAtOnceInOneAreaPickDifferentAdvisors() throws Exception {
    CountDownLatch bothStarted = new CountDownLatch(2);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> chosen = List.of(
          nodes.submit(() -> allocateSlowly("RRP-2026-9001", bothStarted)),
          nodes.submit(() -> allocateSlowly("RRP-2026-9002", bothStarted)));

      assertThat(List.of(chosen.get(0).get(30, TimeUnit.SECONDS), chosen.get(1).get(30, TimeUnit.SECONDS)))
          .containsExactlyInAnyOrder("alex", "ash");
    } finally {
      nodes.shutdownNow();
    }
  }

  /** Allocates in a transaction that stays open a moment after choosing, as a slow node's would. */
  private String allocateSlowly(String caseReference, CountDownLatch bothStarted) {
    return new TransactionTemplate(transactionManager).execute(status -> {
      bothStarted.countDown();
      try {
        bothStarted.await(10, TimeUnit.SECONDS);
        String advisor = allocation.allocate(caseReference, EAST, Instant.now()).orElseThrow();
        Thread.sleep(500);
        return advisor;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
  }
}
