package org.rrp.workflow.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rrp.workflow.AsUser.as;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rrp.workflow.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The latest deployed table of a key, read once per deployed version, whoever's request asks for it. */
@EngineTest
class LatestDecisionTablesTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  RepositoryService repositoryService;

  Deployment redeployed;

  /** What each read of a deployed table found: its number of rules. */
  final List<Integer> reads = new ArrayList<>();

  @AfterEach
  void backToTheBundledTable() {
    if (redeployed != null) {
      repositoryService.deleteDeployment(redeployed.getId(), true);
    }
  }

  LatestDecisionTables<Integer> tables() {
    return new LatestDecisionTables<>(engine, (key, model) -> {
      int rules = model.getModelElementsByType(Rule.class).size();
      reads.add(rules);
      return rules;
    });
  }

  @Test
  void eachVersionIsReadOnceAndARedeployedTableIsFoundByTheNextLookup() throws Exception {
    LatestDecisionTables<Integer> tables = tables();
    assertThat(tables.latest(AreaCatalogue.DECISION)).contains(8);
    assertThat(tables.latest(AreaCatalogue.DECISION)).contains(8);
    assertThat(reads).containsExactly(8);

    String oneDistrictLess = Files.readString(Path.of("processes", "area-by-district.dmn"))
        .replaceFirst("(?s)<rule id=\"Rule_Lichfield\">.*?</rule>", "");
    redeployed = repositoryService.createDeployment().name("coordinator's table")
        .addString("area-by-district.dmn", oneDistrictLess).deploy();

    assertThat(tables.latest(AreaCatalogue.DECISION)).contains(7);
    assertThat(tables.latest(AreaCatalogue.DECISION)).contains(7);
    assertThat(reads).containsExactly(8, 7);
  }

  @Test
  void aKeyWithNoDeployedTableGivesNothing() {
    assertThat(tables().latest("school-holidays")).isEmpty();
    assertThat(reads).isEmpty();
  }

  @Test
  void aPersonWhoMayNotReadTheTablesStillGetsWhatTheApplicationReadsFromThem() {
    assertThat(as(engine, "rosa", () -> repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(AreaCatalogue.DECISION).list())).isEmpty();

    assertThat(as(engine, "rosa", () -> tables().latest(AreaCatalogue.DECISION))).contains(8);
  }
}
