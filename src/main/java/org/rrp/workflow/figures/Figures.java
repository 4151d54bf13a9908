package org.rrp.workflow.figures;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.TaskService;
import org.rrp.workflow.casework.AreaCatalogue;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.ServiceNames;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.rrp.workflow.figures.Report.Table;
import org.rrp.workflow.identity.RrpGroups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The figures managers ask for, per period and area: demand, caseload, timeliness and outcomes. Counts come from the
 * case facts ({@code rrp_case_fact}), the notifications sent and the open tasks; never a name or any free text but
 * the eligibility table's reasons. A count from 1 to {@code rrp.figures.small-number-threshold} - 1 is shown as
 * "fewer than N", as figures about small groups of children are published.
 */
@Service
public class Figures {

  static final List<String> QUESTIONS = List.of("demand", "caseload", "timeliness", "outcomes", "training");

  static final Map<String, String> OUTCOMES = outcomes();

  private final NamedParameterJdbcTemplate jdbc;
  private final AreaCatalogue areas;
  private final TaskService taskService;
  private final int threshold;

  Figures(NamedParameterJdbcTemplate jdbc, AreaCatalogue areas, TaskService taskService,
      @Value("${rrp.figures.small-number-threshold:5}") int threshold) {
    this.jdbc = jdbc;
    this.areas = areas;
    this.taskService = taskService;
    this.threshold = threshold;
  }

  /** @throws IllegalArgumentException for an unknown question or area, in a sentence for the person asking */
  public Report report(String question, FigurePeriod period, String area) {
    if (area != null && !areas.isArea(area)) {
      throw new IllegalArgumentException("The area is not one of the district table's areas.");
    }
    Scope scope = new Scope(period, area);
    List<Table> tables = switch (question) {
      case "demand" -> demand(scope);
      case "caseload" -> caseload(scope);
      case "timeliness" -> timeliness(scope);
      case "outcomes" -> outcomes(scope);
      case "training" -> training(scope);
      default -> throw new IllegalArgumentException("The question must be one of " + String.join(", ", QUESTIONS) + ".");
    };
    return new Report(question, title(question), period.label(), period.from().toString(), period.to().toString(),
        area == null ? "All areas" : areas.areas().get(area), tables);
  }

  // ---- the questions --------------------------------------------------------------------------------------

  private List<Table> demand(Scope scope) {
    String received = "received_at >= :from and received_at < :to" + scope.areaCondition();
    Integer total = count("select count(*) from rrp_case_fact where " + received, scope);
    Map<String, Integer> routes = new LinkedHashMap<>();
    routes.put("Eligible", count("select count(*) from rrp_case_fact where eligible and " + received, scope));
    routes.put("Ineligible, overridden by a coordinator",
        count("select count(*) from rrp_case_fact where ineligible_decision = 'override' and " + received, scope));
    routes.put("Ineligible, declined",
        count("select count(*) from rrp_case_fact where ineligible_decision = 'decline' and " + received, scope));
    routes.put("Ineligible, awaiting a coordinator",
        count("select count(*) from rrp_case_fact where not eligible and ineligible_decision is null and " + received, scope));
    return List.of(
        counts("Requests received", "Requests", Map.of("All requests", total)),
        counts("By eligibility", "Requests", routes),
        counts("By service", "Requests", grouped("select service as label, count(*) as n from rrp_case_fact where "
            + received + " group by service", scope, ServiceNames::of)),
        counts("Why requests were declined (the eligibility table's reasons)", "Requests", grouped(
            "select ineligibility_reason as label, count(*) as n from rrp_case_fact where ineligible_decision = 'decline' and "
                + received + " group by ineligibility_reason", scope, reason -> reason == null ? "No reason recorded" : reason)));
  }

  private List<Table> caseload(Scope scope) {
    String open = "closed_at is null" + scope.areaCondition();
    return List.of(
        counts("Open cases by area", "Open cases", grouped("select area as label, count(*) as n from rrp_case_fact where "
            + open + " group by area", scope, this::areaName)),
        counts("Open cases by advisor", "Open cases", grouped("select advisor_id as label, count(*) as n from rrp_case_fact where "
            + open + " and advisor_id is not null group by advisor_id", scope, Function.identity())),
        counts("Not yet allocated", "Open cases", Map.of(
            "Open cases without an advisor", count("select count(*) from rrp_case_fact where advisor_id is null and "
                + "(ineligible_decision is null or ineligible_decision <> 'decline') and " + open, scope))),
        counts("Allocations made by hand in the period", "Allocations", Map.of("Allocated by a coordinator",
            count("select count(*) from rrp_case_fact where allocated_by_hand and allocated_at >= :from and allocated_at < :to"
                + scope.areaCondition(), scope))));
  }

  private List<Table> timeliness(Scope scope) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(durations("From request to allocation", "select days_to_allocation from rrp_case_fact where "
        + "allocated_at >= :from and allocated_at < :to and days_to_allocation is not null" + scope.areaCondition(), scope));
    rows.add(durations("From allocation to the first meeting", "select days_to_first_meeting from rrp_case_fact where "
        + "first_meeting_at >= :from and first_meeting_at < :to and days_to_first_meeting is not null" + scope.areaCondition(), scope));
    Table durations = new Table("Working days taken", List.of("Step", "Cases", "Median", "90th percentile"), rows,
        rows.stream().map(row -> parse(row.get(2))).toList());

    Map<String, Integer> overdue = new LinkedHashMap<>();
    Date now = Date.from(CaseClock.instant());
    for (Map.Entry<String, String> area : areas.areas().entrySet()) {
      if (scope.area() == null || scope.area().equals(area.getKey())) {
        overdue.put(area.getValue(), WithoutAuthorization.call(() -> (int) taskService.createTaskQuery()
            .taskCandidateGroup(area.getKey()).includeAssignedTasks().dueBefore(now).count()));
      }
    }
    if (scope.area() == null) {
      overdue.put("Coordinators", WithoutAuthorization.call(() -> (int) taskService.createTaskQuery()
          .taskCandidateGroup(RrpGroups.COORDINATORS).includeAssignedTasks().dueBefore(now).count()));
    }
    Map<String, Integer> sent = new LinkedHashMap<>();
    sent.put("Reminders of overdue tasks", notifications("task-overdue", scope));
    sent.put("Escalations to coordinators", notifications("task-escalated", scope));
    return List.of(durations, counts("Tasks overdue now", "Tasks", overdue), counts("Reminders and escalations sent", "Emails", sent));
  }

  private List<Table> outcomes(Scope scope) {
    Map<String, Integer> byOutcome = grouped("select outcome as label, count(*) as n from rrp_case_fact where "
        + "closed_at >= :from and closed_at < :to" + scope.areaCondition() + " group by outcome", scope,
        outcome -> OUTCOMES.getOrDefault(outcome, outcome));
    Map<String, Integer> ordered = new LinkedHashMap<>();
    OUTCOMES.values().forEach(label -> ordered.put(label, byOutcome.getOrDefault(label, 0)));
    byOutcome.forEach(ordered::putIfAbsent);
    return List.of(counts("Cases closed, by outcome", "Cases", ordered));
  }

  private List<Table> training(Scope scope) {
    String running = "ended_on is null" + scope.areaCondition();
    Map<String, Integer> atStage = grouped("select case when paused_since is not null then 'Paused' else stage_name end as label,"
        + " count(*) as n from rrp_training_journey where " + running + " group by case when paused_since is not null"
        + " then 'Paused' else stage_name end", scope, label -> label == null ? "Between stages" : label);
    Map<String, Integer> completed = grouped("select s.stage_name as label, count(*) as n from rrp_training_stage s"
        + " join rrp_training_journey j on lower(j.setting_id) = lower(s.setting_id) where s.completed_on >= :fromDay and s.completed_on <= :toDay"
        + (scope.area() == null ? "" : " and j.area = :areaGroup") + " group by s.stage_name", scope, Function.identity());
    Map<String, Integer> overdue = grouped("select area as label, count(*) as n from rrp_training_journey where " + running
        + " and paused_since is null and stage_due_on < :today group by area", scope, this::areaName);
    return List.of(counts("Settings at each stage now", "Settings", atStage),
        counts("Stages completed in the period", "Settings", completed),
        counts("Settings past a stage's timescale now, by area", "Settings", overdue));
  }

  // ---- building blocks ------------------------------------------------------------------------------------

  record Scope(FigurePeriod period, String area) {
    String areaCondition() {
      return area == null ? "" : " and area = :areaGroup";
    }

    MapSqlParameterSource parameters() {
      return new MapSqlParameterSource()
          .addValue("from", Timestamp.from(period.from().atStartOfDay(CaseClock.ZONE).toInstant()))
          .addValue("to", Timestamp.from(period.to().plusDays(1).atStartOfDay(CaseClock.ZONE).toInstant()))
          .addValue("areaGroup", area)
          .addValue("fromDay", java.sql.Date.valueOf(period.from()))
          .addValue("toDay", java.sql.Date.valueOf(period.to()))
          .addValue("today", java.sql.Date.valueOf(CaseClock.today()));
    }
  }

  private Integer count(String sql, Scope scope) {
    return jdbc.queryForObject(sql, scope.parameters(), Integer.class);
  }

  private Map<String, Integer> grouped(String sql, Scope scope, Function<String, String> label) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    jdbc.query(sql + " order by 2 desc, 1", scope.parameters(),
        rs -> {
          counts.merge(label.apply(rs.getString("label")), rs.getInt("n"), Integer::sum);
        });
    return counts;
  }

  private int notifications(String type, Scope scope) {
    String sql = "select count(*) from rrp_notification_sent n where n.notification_type = :type "
        + "and n.sent_at >= :from and n.sent_at < :to"
        + (scope.area() == null ? "" : " and exists (select 1 from rrp_case_fact f where f.case_reference = n.case_reference"
            + " and f.area = :areaGroup)");
    return jdbc.queryForObject(sql, scope.parameters().addValue("type", type), Integer.class);
  }

  private List<String> durations(String step, String sql, Scope scope) {
    List<Integer> days = new ArrayList<>(jdbc.queryForList(sql, scope.parameters(), Integer.class));
    days.sort(null);
    if (days.size() < threshold) {
      return List.of(step, shown(days.size()), "not shown for " + shown(days.size()) + " cases", "");
    }
    return List.of(step, String.valueOf(days.size()), String.valueOf(percentile(days, 50)), String.valueOf(percentile(days, 90)));
  }

  /** The nearest-rank percentile of sorted values. */
  static int percentile(List<Integer> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }

  private Table counts(String title, String what, Map<String, Integer> counts) {
    List<List<String>> rows = new ArrayList<>();
    List<Integer> chart = new ArrayList<>();
    counts.forEach((label, count) -> {
      rows.add(List.of(label, shown(count)));
      chart.add(isSmall(count) ? null : count);
    });
    return new Table(title, List.of("", what), rows, chart);
  }

  String shown(int count) {
    return isSmall(count) ? "fewer than " + threshold : String.valueOf(count);
  }

  private boolean isSmall(int count) {
    return count > 0 && count < threshold;
  }

  private static Integer parse(String figure) {
    try {
      return Integer.valueOf(figure);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String areaName(String area) {
    return area == null ? "No area yet" : areas.areas().getOrDefault(area, area);
  }

  private static String title(String question) {
    return switch (question) {
      case "demand" -> "Demand";
      case "caseload" -> "Caseload";
      case "timeliness" -> "Timeliness";
      case "training" -> "Training";
      default -> "Outcomes";
    };
  }

  private static Map<String, String> outcomes() {
    Map<String, String> outcomes = new LinkedHashMap<>();
    outcomes.put("circle-resolved-first-review", "Circle: resolved at the first review");
    outcomes.put("circle-resolved-second-review", "Circle: resolved at the second review");
    outcomes.put("circle-unresolved", "Circle: closed unresolved after two reviews");
    outcomes.put("stopped", "Stopped early");
    outcomes.put("conference-agreement-kept", "Conference held: agreement kept at follow-up");
    outcomes.put("conference-agreement-partly-kept", "Conference held: agreement partly kept");
    outcomes.put("conference-agreement-not-kept", "Conference held: agreement not kept");
    outcomes.put("conference-not-consented", "Conference not held: consent not given");
    outcomes.put("conference-withdrawn", "Conference not held: consent withdrawn");
    outcomes.put("conference-not-suitable", "Conference not suitable");
    outcomes.put("advice", "Advice and guidance given");
    outcomes.put("declined", "Request declined");
    outcomes.put("cancelled", "Cancelled in Cockpit");
    return outcomes;
  }

  /** The areas as options ({@code value}, {@code label}) for narrowing the figures. */
  public List<Map<String, String>> areaOptions() {
    return areas.areas().entrySet().stream().map(area -> Map.of("value", area.getKey(), "label", area.getValue())).toList();
  }

  public int threshold() {
    return threshold;
  }
}
