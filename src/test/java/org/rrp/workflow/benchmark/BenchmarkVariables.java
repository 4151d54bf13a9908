package org.rrp.workflow.benchmark;

/**
 * The variables of the bare skeleton the benchmark compares the product with
 * ({@code src/test/resources/benchmark/benchmark-skeleton.bpmn}): one flag each gateway reads, one value each task
 * records, and a due date that stays empty, so no deadline watch starts.
 */
final class BenchmarkVariables {

  static final String SKELETON_PROCESS = "benchmark-skeleton";
  /** Boolean: a gateway takes the early end when true (never, in the benchmark). */
  static final String SKELETON_STOP = "skeletonStop";
  /** Date or null: the tasks' due date (null: none). */
  static final String SKELETON_DUE = "skeletonDue";
  /** String: what each task records. */
  static final String SKELETON_NOTE = "skeletonNote";

  private BenchmarkVariables() {
  }
}
