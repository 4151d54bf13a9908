package org.rrp.workflow.benchmark;

import static org.rrp.workflow.casework.CaseVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Open tasks in bulk, made as real cases make them: Solution Focused Circles started through the engine's API as the
 * referral's call activity starts them, with full history, so each task has its area as candidate group, its
 * deadline watch and the authorizations the engine grants (the assignee's and the area group's). Spread evenly over
 * the four areas; in each, three tasks in four are assigned to an advisor of the area, one is unassigned.
 */
final class OpenTasks {

  static final String PREFIX = "BULK-";
  static final String[][] AREAS = {
      {"area-east-staffs-tamworth", "alex", "ash"},
      {"area-cannock-lichfield", "bea"},
      {"area-stafford-south-staffs", "cal"},
      {"area-newcastle-moorlands", "dee"}};
  static final int PER_TRANSACTION = 50;
  static final int THREADS = 2;

  private final ProcessEngine engine;
  private final TransactionTemplate transaction;
  private int made;

  OpenTasks(ProcessEngine engine, PlatformTransactionManager transactions, BenchmarkSettings settings) {
    this.engine = engine;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Makes open tasks until there are {@code total} of them (besides those there were); returns seconds taken. */
  double upTo(int total) throws Exception {
    long start = System.nanoTime();
    AtomicInteger next = new AtomicInteger(made);
    ExecutorService makers = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      work.add(makers.submit(() -> {
        int first;
        while ((first = next.getAndAdd(PER_TRANSACTION)) < total) {
          int from = first;
          int to = Math.min(total, first + PER_TRANSACTION);
          transaction.executeWithoutResult(status -> {
            for (int n = from; n < to; n++) {
              start(n);
            }
          });
          if (to % 5_000 < PER_TRANSACTION) {
            System.out.printf("benchmark: %,d open tasks made%n", to);
          }
        }
        return null;
      }));
    }
    for (Future<?> done : work) {
      done.get();
    }
    makers.shutdown();
    made = total;
    return (System.nanoTime() - start) / 1e9;
  }

  private void start(int n) {
    String[] area = AREAS[n % AREAS.length];
    int turn = n / AREAS.length;
    String advisor = turn % 4 == 3 ? null : area[1 + turn % (area.length - 1)];
    String reference = PREFIX + n;
    engine.getRuntimeService().createProcessInstanceByKey("solution-circle").businessKey(reference)
        .setVariables(Variables.createVariables()
            .putValue(CASE_REFERENCE, reference)
            .putValue(ADVISOR_ID, advisor)
            .putValue(AREA, area[0])
            .putValue(CHILD_NAME, "Robin Testchild")
            .putValue(SETTING_NAME, "Hollybank Primary")
            .putValue(DIFFICULTY, "Finds the start of the day hard.")
            .putValue(TRIAGE_NOTES, "Circle agreed."))
        .execute();
  }
}
