package org.rrp.workflow.figures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.rrp.workflow.EngineTest;
import org.rrp.workflow.casework.CaseClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * How long each of the managers' questions takes over a large history: 100,000 closed cases (and 2,000 open ones)
 * spread over three school years, each question answered 7 times for this school year, the median printed and
 * written to {@code target/figures-benchmark.json}. A benchmark, not a test: it asserts nothing and is not run by
 * {@code mvn verify} (its name does not end in Test). Run it on PostgreSQL as the README says.
 */
@EngineTest
class FiguresBenchmark {

  static final int CLOSED = Integer.getInteger("rrp.benchmark.cases", 100_000);
  static final int OPEN = 2_000;
  static final int RUNS = 7;

  @Autowired
  Figures figures;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void everyQuestionOverAHundredThousandClosedCases() throws Exception {
    jdbc.update("delete from rrp_case_fact");
    seed();
    String database = jdbc.getDataSource().getConnection().getMetaData().getDatabaseProductName();
    FigurePeriod year = FigurePeriod.thisSchoolYear(CaseClock.today());
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("database", database);
    results.put("closedCases", CLOSED);
    results.put("openCases", OPEN);
    for (String area : new String[] {null, "area-east-staffs-tamworth"}) {
      for (String question : Figures.QUESTIONS) {
        long[] millis = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
          long start = System.nanoTime();
          figures.report(question, year, area);
          millis[run] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        String name = question + (area == null ? "" : " (one area)");
        results.put(name + " median ms", millis[RUNS / 2]);
        results.put(name + " max ms", millis[RUNS - 1]);
        System.out.printf("figures benchmark [%s]: %-24s median %4d ms, max %4d ms%n", database, name, millis[RUNS / 2],
            millis[RUNS - 1]);
      }
    }
    Path out = Path.of("target", "figures-benchmark.json");
    Files.createDirectories(out.getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), results);
    jdbc.update("delete from rrp_case_fact");
  }

  private void seed() {
    String[] areas = {"area-east-staffs-tamworth", "area-cannock-lichfield", "area-stafford-south-staffs", "area-newcastle-moorlands"};
    String[] services = {"solution-focused-circle", "restorative-conference", "advice-and-guidance"};
    String[] outcomes = {"circle-resolved-first-review", "circle-resolved-second-review", "circle-unresolved", "advice",
        "declined", "stopped", "conference-agreement-kept", "conference-withdrawn"};
    Random random = new Random(42);
    LocalDateTime start = LocalDate.now().minusYears(3).atStartOfDay();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < CLOSED + OPEN; i++) {
      LocalDateTime received = start.plusMinutes(random.nextInt(3 * 365 * 24 * 60));
      LocalDateTime allocated = received.plusDays(1 + random.nextInt(10));
      LocalDateTime meeting = allocated.plusDays(2 + random.nextInt(20));
      boolean open = i >= CLOSED;
      rows.add(new Object[] {"bench-" + i, "RRP-B-" + i, Timestamp.valueOf(received), services[random.nextInt(3)],
          areas[random.nextInt(4)], random.nextInt(10) > 0, "alex" + random.nextInt(20), Timestamp.valueOf(allocated),
          random.nextInt(20) == 0, 1 + random.nextInt(10), Timestamp.valueOf(meeting), 2 + random.nextInt(20),
          open ? null : Timestamp.valueOf(meeting.plusDays(30 + random.nextInt(90))), open ? null : outcomes[random.nextInt(outcomes.length)]});
      if (rows.size() == 5_000) {
        insert(rows);
      }
    }
    insert(rows);
  }

  private void insert(List<Object[]> rows) {
    jdbc.batchUpdate("insert into rrp_case_fact (process_instance_id, case_reference, received_at, service, area, eligible,"
        + " advisor_id, allocated_at, allocated_by_hand, days_to_allocation, first_meeting_at, days_to_first_meeting,"
        + " closed_at, outcome) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    rows.clear();
  }
}
