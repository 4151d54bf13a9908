package org.rrp.workflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The benchmark's figures as they come in, each with its target where the product sets one: written to
 * {@code target/benchmark/results-<db>.json} after every phase, printed as a table at the end.
 */
final class Results {

  record Row(String figure, String value, String target, String verdict) {
  }

  private final BenchmarkSettings settings;
  private final Map<String, Object> json = new LinkedHashMap<>();
  private final List<Row> rows = new ArrayList<>();

  Results(BenchmarkSettings settings) {
    this.settings = settings;
    json.put("database", settings.db());
    json.put("startedAt", Instant.now().toString());
    json.put("settings", settings);
    json.put("machine", Machine.describe());
    if (settings.postgres()) {
      json.put("postgresServer", settings.postgresServer());
    }
  }

  void commitLimit(Map<String, Object> figures) {
    json.put("commitLimit", figures);
    figures.forEach((name, value) -> rows.add(new Row("database commit limit, " + name.replace("commitsPerSecond", "")
        .replace("Thread", " thread").replace("s", "s"), value + " commits/s", "—", "")));
  }

  @SuppressWarnings("unchecked")
  void throughput(int threads, double product, double skeleton, List<Double> productRates, List<Double> skeletonRates) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("productCasesPerSecondMedian", Stats.round(product, 2));
    figures.put("skeletonCasesPerSecondMedian", Stats.round(skeleton, 2));
    figures.put("ratio", Stats.round(product / skeleton, 2));
    figures.put("productBatches", productRates.stream().map(r -> Stats.round(r, 2)).toList());
    figures.put("skeletonBatches", skeletonRates.stream().map(r -> Stats.round(r, 2)).toList());
    ((Map<String, Object>) json.computeIfAbsent("throughput", k -> new LinkedHashMap<>())).put(threads + "-thread", figures);
    rows.add(new Row("cases/s at " + threads + " client thread" + (threads > 1 ? "s" : "") + " (product / skeleton, median of "
        + productRates.size() + ")", String.format("%.2f / %.2f = ratio %.2f", product, skeleton, product / skeleton),
        "ratio ≥ 0.8", verdict(product / skeleton >= 0.8)));
  }

  void sqlPerCase(Map<String, Object> product, Map<String, Object> skeleton) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("product", product);
    figures.put("skeleton", skeleton);
    double ratio = (Double) product.get("statements") / (Double) skeleton.get("statements");
    figures.put("ratio", Stats.round(ratio, 2));
    json.put("sqlPerCase", figures);
    rows.add(new Row("SQL statements per case (product / skeleton)", String.format("%s / %s = ratio %.2f",
        product.get("statements"), skeleton.get("statements"), ratio), "ratio ≤ 1.5", verdict(ratio <= 1.5)));
    for (String kind : List.of("select", "insert", "update", "delete", "roundTrips", "commits")) {
      rows.add(new Row("  " + kind + " per case (product / skeleton)", product.get(kind) + " / " + skeleton.get(kind), "—", ""));
    }
  }

  @SuppressWarnings("unchecked")
  void filters(int openTasks, double secondsToMake, Map<String, Object> times) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("secondsToMakeTasks", Stats.round(secondsToMake, 0));
    figures.put("asAdvisor", times);
    ((Map<String, Object>) json.computeIfAbsent("tasklistFilters", k -> new LinkedHashMap<>())).put(String.valueOf(openTasks), figures);
    boolean largest = openTasks == settings.openTasks().get(settings.openTasks().size() - 1);
    times.forEach((name, value) -> {
      Map<String, Object> t = (Map<String, Object>) value;
      String label = String.format("filter '%s' at %,d open tasks, as advisor: list p50/p95, count p50/p95 ms (%s runs)", name,
          openTasks, t.get("runs"));
      if (t.get("listP95Ms") == null) {
        rows.add(new Row(label, "no run within the time budget; one run: list " + t.get("warmUpListMs") + ", count "
            + t.get("warmUpCountMs"), largest ? "p95 ≤ 50 ms at 100,000" : "—", largest ? verdict(false) : ""));
        return;
      }
      double worst = Math.max((Double) t.get("listP95Ms"), (Double) t.get("countP95Ms"));
      rows.add(new Row(label, t.get("listP50Ms") + " / " + t.get("listP95Ms") + ", " + t.get("countP50Ms") + " / "
          + t.get("countP95Ms"), largest ? "p95 ≤ 50 ms at 100,000" : "—", largest ? verdict(worst <= 50) : ""));
    });
  }

  void ready(double seconds) {
    json.put("readySeconds", seconds);
    rows.add(new Row("node ready (process start to first 200 of /engine-rest/engine), -Xmx512m", seconds + " s", "≤ 15 s",
        verdict(seconds <= 15)));
  }

  /** Restarts of one node, from the packaged jar and with a class data sharing archive (see {@link ClassDataSharing}). */
  void startUps(Map<String, Object> figures) {
    json.put("startUps", figures);
    double packaged = (Double) figures.get("packagedJarMedianSeconds");
    double shared = (Double) figures.get("classDataSharingMedianSeconds");
    rows.add(new Row("node restart on the one-node burst's database, packaged jar: median of " + figures.get("packagedJarSeconds") + " s",
        packaged + " s", "≤ 15 s", verdict(packaged <= 15)));
    rows.add(new Row("node restart, extracted jar with a class data sharing archive: median of "
        + figures.get("classDataSharingSeconds") + " s", shared + " s", "≤ 15 s", verdict(shared <= 15)));
  }

  @SuppressWarnings("unchecked")
  void burst(int nodes, Map<String, Object> figures) {
    ((Map<String, Object>) json.computeIfAbsent("reminderBurst", k -> new LinkedHashMap<>())).put(nodes + "-node", figures);
    Object seconds = figures.get("secondsUntilAllSent");
    int total = (Integer) figures.get("reminders");
    String limit = nodes == 1 ? "≤ 60 s" : "faster than one node";
    boolean met;
    if (seconds == null) {
      met = false;
    } else if (nodes == 1) {
      met = (Double) seconds <= 60;
    } else {
      Object one = ((Map<String, Object>) ((Map<String, Object>) json.get("reminderBurst")).get("1-node")).get("secondsUntilAllSent");
      met = one != null && (Double) seconds < (Double) one;
    }
    rows.add(new Row(String.format("%,d reminders due at once on %d node%s: seconds until all sent", total, nodes, nodes > 1 ? "s" : ""),
        seconds == null ? "not all sent" : seconds + " s", limit, verdict(met)));
    rows.add(new Row(String.format("  duplicates (%d node%s)", nodes, nodes > 1 ? "s" : ""), String.valueOf(figures.get("duplicates")),
        "0", verdict(((Number) figures.get("duplicates")).longValue() == 0)));
    Object rss = figures.get("residentMemoryMB");
    long worst = rss instanceof List<?> list ? list.stream().mapToLong(v -> ((Number) v).longValue()).max().orElse(-1)
        : ((Number) rss).longValue();
    rows.add(new Row(String.format("  resident memory after the %,d cases (%d node%s), MB", total, nodes, nodes > 1 ? "s" : ""),
        String.valueOf(rss), "≤ 600 MB", verdict(worst <= 600)));
  }

  private static String verdict(boolean met) {
    return met ? "met" : "missed";
  }

  /** The machine's load average (1, 5, 15 minutes) as a phase ends: the machine is shared, the reader should know. */
  @SuppressWarnings("unchecked")
  void phaseEnded(String phase) {
    ((Map<String, Object>) json.computeIfAbsent("loadAverageAtEndOf", k -> new LinkedHashMap<>())).put(phase, Machine.loadAverage());
  }

  void save() throws IOException {
    Path out = Path.of("target", "benchmark", "results-" + settings.db() + ".json");
    Files.createDirectories(out.getParent());
    json.put("table", rows);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
  }

  void print() {
    StringBuilder table = new StringBuilder("\n| figure (" + settings.db() + (settings.quick() ? ", quick sizes" : "")
        + ") | measured | target | |\n|---|---|---|---|\n");
    rows.forEach(row -> table.append("| ").append(row.figure()).append(" | ").append(row.value()).append(" | ")
        .append(row.target()).append(" | ").append(row.verdict()).append(" |\n"));
    System.out.println(table);
    try {
      Files.writeString(Path.of("target", "benchmark", "results-" + settings.db() + ".md"), table.toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
