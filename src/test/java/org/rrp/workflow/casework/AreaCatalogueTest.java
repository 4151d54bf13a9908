package org.rrp.workflow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rrp.workflow.EngineTest;
import org.rrp.workflow.casework.AreaCatalogue.District;
import org.springframework.beans.factory.annotation.Autowired;

/** Areas are defined once, in the deployed district table: what the forms, the demo data and the checks follow. */
@EngineTest
class AreaCatalogueTest {

  @Autowired
  AreaCatalogue catalogue;

  @Autowired
  FormOptions formOptions;

  @Autowired
  RepositoryService repositoryService;

  Deployment redeployed;

  @AfterEach
  void backToTheBundledTable() {
    if (redeployed != null) {
      repositoryService.deleteDeployment(redeployed.getId(), true);
    }
  }

  @Test
  void theBundledTableDefinesTheFourDefaultAreasAndTheirDistricts() {
    assertThat(catalogue.districts()).hasSize(8).first()
        .isEqualTo(new District("east-staffordshire", "East Staffordshire", "area-east-staffs-tamworth", "East Staffs & Tamworth"));
    assertThat(catalogue.areas()).containsExactly(
        Map.entry("area-east-staffs-tamworth", "East Staffs & Tamworth"),
        Map.entry("area-cannock-lichfield", "Cannock & Lichfield"),
        Map.entry("area-stafford-south-staffs", "Stafford & South Staffs"),
        Map.entry("area-newcastle-moorlands", "Newcastle & Moorlands"));
    assertThat(formOptions.list(FormOptions.AREAS)).get().asList().hasSize(4)
        .contains(Map.of("label", "Cannock & Lichfield", "value", "area-cannock-lichfield"));
  }

  @Test
  void aCoordinatorsRedeployedTableChangesTheAreasWithoutARestart() throws Exception {
    String table = Files.readString(Path.of("processes", "area-by-district.dmn"))
        .replace("&quot;area-cannock-lichfield&quot;", "&quot;area-north-staffs&quot;")
        .replace("&quot;Cannock &amp; Lichfield&quot;", "&quot;North Staffs&quot;");
    redeployed = repositoryService.createDeployment().name("coordinator's table")
        .addString("area-by-district.dmn", table).deploy();

    assertThat(catalogue.areas()).containsKey("area-north-staffs").doesNotContainKey("area-cannock-lichfield");
    assertThat(catalogue.isArea("area-north-staffs")).isTrue();
    assertThat(formOptions.list(FormOptions.DISTRICTS)).get().asList().hasSize(8);
  }

  @Test
  void unknownOptionListsAreNotInvented() {
    assertThat(formOptions.list("schoolHolidays")).isEmpty();
    assertThat(catalogue.isArea("area-atlantis")).isFalse();
  }
}
