package org.rrp.workflow.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/** Fair caseload allocation, on the real table (the migration script) and a directory of invented advisors. */
class AdvisorAllocationServiceTest {

  static final String NORTH = "area-north";
  static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

  EmbeddedDatabase database;
  NamedParameterJdbcTemplate jdbc;
  AdvisorAllocationService allocation;
  final Map<String, List<String>> areas = new HashMap<>();

  @BeforeEach
  void setUp() {
    database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true)
        .addScript("db/migration/V1__case_reference_and_allocation.sql")
        .addScript("db/migration/V14__allocation_locks.sql").build();
    jdbc = new NamedParameterJdbcTemplate(database);
    AdvisorDirectory directory = new AdvisorDirectory() {
      @Override
      public List<String> advisorsOf(String area) {
        return areas.getOrDefault(area, List.of());
      }

      @Override
      public boolean isAdvisor(String userId) {
        return areas.values().stream().anyMatch(advisors -> advisors.contains(userId));
      }

      @Override
      public Optional<String> emailOf(String userId) {
        return Optional.of(userId + "@example.org");
      }
    };
    allocation = new AdvisorAllocationService(directory,
        new CaseloadRepository(jdbc, new org.springframework.jdbc.datasource.DataSourceTransactionManager(database)));
  }

  @AfterEach
  void tearDown() {
    database.shutdown();
  }

  @Test
  void choosesTheAdvisorWithTheFewestOpenCases() {
    areas.put(NORTH, List.of("kim", "lee"));
    allocation.allocateByHand("RRP-2026-0001", NORTH, "kim", MONDAY);
    allocation.allocateByHand("RRP-2026-0002", NORTH, "kim", MONDAY.plusSeconds(60));
    allocation.allocateByHand("RRP-2026-0003", NORTH, "lee", MONDAY.plusSeconds(120));

    assertThat(allocation.allocate("RRP-2026-0004", NORTH, MONDAY.plusSeconds(180))).contains("lee");
  }

  @Test
  void onATieChoosesTheAdvisorAllocatedLeastRecently() {
    areas.put(NORTH, List.of("kim", "lee"));
    allocation.allocateByHand("RRP-2026-0001", NORTH, "lee", MONDAY);
    allocation.allocateByHand("RRP-2026-0002", NORTH, "kim", MONDAY.plusSeconds(60));

    assertThat(allocation.allocate("RRP-2026-0003", NORTH, MONDAY.plusSeconds(120))).contains("lee");
  }

  @Test
  void anAdvisorNeverAllocatedCountsAsAllocatedLongestAgo() {
    areas.put(NORTH, List.of("kim", "lee", "mo"));
    allocation.allocateByHand("RRP-2026-0001", NORTH, "kim", MONDAY);
    allocation.release("RRP-2026-0001", MONDAY.plusSeconds(30));
    allocation.allocateByHand("RRP-2026-0002", NORTH, "lee", MONDAY.plusSeconds(60));
    allocation.release("RRP-2026-0002", MONDAY.plusSeconds(90));

    assertThat(allocation.allocate("RRP-2026-0003", NORTH, MONDAY.plusSeconds(120))).contains("mo");
  }

  @Test
  void closedCasesDoNotCountTowardsTheCaseload() {
    areas.put(NORTH, List.of("kim", "lee"));
    allocation.allocateByHand("RRP-2026-0001", NORTH, "kim", MONDAY);
    allocation.allocateByHand("RRP-2026-0002", NORTH, "kim", MONDAY.plusSeconds(10));
    allocation.allocateByHand("RRP-2026-0003", NORTH, "lee", MONDAY.plusSeconds(20));
    allocation.release("RRP-2026-0001", MONDAY.plusSeconds(30));
    allocation.release("RRP-2026-0002", MONDAY.plusSeconds(40));

    assertThat(allocation.allocate("RRP-2026-0004", NORTH, MONDAY.plusSeconds(50))).contains("kim");
  }

  @Test
  void tenCasesOverTwoAdvisorsEndFiveEach() {
    areas.put(NORTH, List.of("kim", "lee"));

    Map<String, Long> caseloads = IntStream.rangeClosed(1, 10)
        .mapToObj(i -> allocation.allocate("RRP-2026-%04d".formatted(i), NORTH, MONDAY.plusSeconds(i)).orElseThrow())
        .collect(Collectors.groupingBy(advisor -> advisor, Collectors.counting()));

    assertThat(caseloads).containsOnly(Map.entry("kim", 5L), Map.entry("lee", 5L));
  }

  @Test
  void onlyAdvisorsOfTheCasesAreaAreChosen() {
    areas.put(NORTH, List.of("kim"));
    areas.put("area-south", List.of("abe"));

    assertThat(IntStream.range(0, 3).mapToObj(i -> allocation.allocate("RRP-2026-010" + i, NORTH, MONDAY).orElseThrow()))
        .containsOnly("kim");
  }

  @Test
  void anAreaWithNoAdvisorGetsNoAllocationAndNothingIsRecorded() {
    assertThat(allocation.allocate("RRP-2026-0001", "area-empty", MONDAY)).isEmpty();
    assertThat(jdbc.getJdbcTemplate().queryForObject("select count(*) from rrp_case_allocation", Integer.class)).isZero();
  }

  @Test
  void allocationByHandAcceptsOnlyAdvisors() {
    areas.put(NORTH, List.of("kim"));

    assertThatThrownBy(() -> allocation.allocateByHand("RRP-2026-0001", NORTH, "rosa", MONDAY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'rosa' is not an advisor");
  }

  @Test
  void reallocatingACaseMovesItToTheNewAdvisor() {
    areas.put(NORTH, List.of("kim", "lee"));
    allocation.allocateByHand("RRP-2026-0001", NORTH, "kim", MONDAY);
    allocation.allocateByHand("RRP-2026-0001", NORTH, "lee", MONDAY.plusSeconds(60));

    assertThat(jdbc.getJdbcTemplate().queryForList("select advisor_id from rrp_case_allocation", String.class))
        .containsExactly("lee");
  }
}
