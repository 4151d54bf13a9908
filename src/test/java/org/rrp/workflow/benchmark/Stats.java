package org.rrp.workflow.benchmark;

import java.util.Arrays;
import java.util.List;

/** Medians and percentiles (nearest rank) of measured values. */
final class Stats {

  private Stats() {
  }

  static double median(List<Double> values) {
    return percentile(values, 50);
  }

  /** The nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** Rounded to the decimals; NaN stays NaN (nothing measured is never 0). */
  static double round(double value, int decimals) {
    if (Double.isNaN(value)) {
      return value;
    }
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
