package org.rrp.workflow.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tasklist's filters as an advisor sees them (authorization on): logged in to Tasklist, every filter the advisor may
 * read, listed (first page of 15, newest first, with the filter's variable columns, as HAL like Tasklist asks) and
 * counted through the webapps' {@code filter/<id>/list} and {@code filter/<id>/count}; p50 and p95 over the runs
 * (each filter's runs stop early when its time budget, {@code benchmark.filter-budget-seconds}, is spent).
 */
final class FilterTimes {

  static final String ADVISOR = "alex";
  static final int WARM_UP = 1;

  private final Http http;
  private final OpenTasks openTasks;
  private final BenchmarkSettings settings;

  FilterTimes(Http http, OpenTasks openTasks, BenchmarkSettings settings) {
    this.http = http;
    this.openTasks = openTasks;
    this.settings = settings;
  }

  void measure(Results results) throws Exception {
    for (int total : settings.openTasks()) {
      double seconds = openTasks.upTo(total);
      System.out.printf("benchmark: %,d open tasks in place (%.0f s to make)%n", total, seconds);
      Http.Tasklist tasklist = http.tasklist(ADVISOR);
      List<Map<String, Object>> filters = tasklist.call("GET", "filter?resourceType=Task", null, false)
          .expect(200, "the advisor's filters").list();
      Map<String, Object> times = new LinkedHashMap<>();
      for (Map<String, Object> filter : filters) {
        String name = (String) filter.get("name");
        times.put(name, time(tasklist, filter));
        System.out.printf("benchmark: %,d open tasks, as %s, %-24s %s%n", total, ADVISOR, name, times.get(name));
      }
      results.filters(total, seconds, times);
      results.save();
    }
  }

  private Map<String, Object> time(Http.Tasklist tasklist, Map<String, Object> filter) {
    String id = (String) filter.get("id");
    // Tasklist's own request: no variable conditions (the filter's variable columns come with the HAL answer)
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("processVariables", List.of());
    body.put("taskVariables", List.of());
    body.put("caseInstanceVariables", List.of());
    body.put("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
    body.put("active", true);
    List<Double> list = new ArrayList<>();
    List<Double> count = new ArrayList<>();
    long budgetEnd = System.currentTimeMillis() + settings.filterBudgetSeconds() * 1000L;
    long found = 0;
    double warmUpList = Double.NaN;
    double warmUpCount = Double.NaN;
    for (int run = 0; run < WARM_UP + settings.filterRuns() && System.currentTimeMillis() < budgetEnd; run++) {
      long start = System.nanoTime();
      tasklist.call("POST", "filter/" + id + "/list?firstResult=0&maxResults=15", body, true).expect(200, "filter list");
      double listMillis = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      found = ((Number) tasklist.call("POST", "filter/" + id + "/count", body, false).expect(200, "filter count")
          .object().get("count")).longValue();
      double countMillis = (System.nanoTime() - start) / 1e6;
      if (run >= WARM_UP) {
        list.add(listMillis);
        count.add(countMillis);
      } else {
        warmUpList = listMillis;
        warmUpCount = countMillis;
      }
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("tasksShown", found);
    figures.put("runs", list.size());
    // no measured run within the budget: the single warm-up run is all there is (reported as such, never as a p95)
    figures.put("listP50Ms", list.isEmpty() ? null : Stats.round(Stats.percentile(list, 50), 1));
    figures.put("listP95Ms", list.isEmpty() ? null : Stats.round(Stats.percentile(list, 95), 1));
    figures.put("countP50Ms", count.isEmpty() ? null : Stats.round(Stats.percentile(count, 50), 1));
    figures.put("countP95Ms", count.isEmpty() ? null : Stats.round(Stats.percentile(count, 95), 1));
    figures.put("warmUpListMs", Stats.round(warmUpList, 1));
    figures.put("warmUpCountMs", Stats.round(warmUpCount, 1));
    return figures;
  }
}
