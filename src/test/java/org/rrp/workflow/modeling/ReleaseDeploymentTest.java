package org.rrp.workflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rrp.workflow.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The release rule at start-up, run as the application runs it, with the bundled files of "another jar": a restart
 * with the same jar deploys nothing; a newer jar deploys what changed, but never over a coordinator's newer version
 * unless the release names it in {@code rrp.release.supersede}.
 */
@EngineTest
class ReleaseDeploymentTest {

  private static final String PATTERNS = "classpath*:processes/**/*.bpmn,classpath*:processes/**/*.dmn,classpath*:forms/**/*.form";

  @Autowired
  ProcessEngine engine;
  @Autowired
  RepositoryService repository;
  @Autowired
  ReleaseDeployment release;
  @Autowired
  ResourcePatternResolver resources;

  Set<String> before;

  @BeforeEach
  void rememberDeployments() {
    before = repository.createDeploymentQuery().list().stream().map(Deployment::getId).collect(Collectors.toSet());
  }

  @AfterEach
  void removeNewDeployments() {
    repository.createDeploymentQuery().list().stream().filter(deployment -> !before.contains(deployment.getId()))
        .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true, true, true));
  }

  @Test
  void aRestartWithTheSameJarDeploysNothing() {
    assertThat(release.bundledFiles()).containsKeys("processes/referral.bpmn", "processes/area-by-district.dmn",
        "forms/request-support.form");
    assertThat(release.deploy(engine, release.bundledFiles())).isEmpty();
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before.size());
  }

  @Test
  void aNewerJarDeploysWhatChangedButKeepsACoordinatorsNewerVersion() {
    repository.createDeployment().name("referral").source("Camunda Modeler")
        .addInputStream("referral.bpmn", stream(bundled("processes/referral.bpmn").replace("name=\"Triage request\"",
            "name=\"Triage the request\"")))
        .deploy();
    String coordinatorsReferral = latestReferralId();

    Map<String, byte[]> newerJar = new LinkedHashMap<>(release.bundledFiles());
    newerJar.put("processes/referral.bpmn", bytes(bundled("processes/referral.bpmn")
        .replace("name=\"Close case\"", "name=\"Close the case\"")));
    newerJar.put("processes/eligibility.dmn", bytes(bundled("processes/eligibility.dmn")
        .replace("Children aged 0 to 18 only", "Children and young people aged 0 to 18 only")));

    assertThat(release.deploy(engine, newerJar)).containsExactly("processes/eligibility.dmn");
    assertThat(latestReferralId()).as("the coordinator's version stays the latest").isEqualTo(coordinatorsReferral);
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("eligibility").latestVersion()
        .singleResult().getVersion()).isGreaterThan(1);

    // Started again with the same newer jar: nothing more is deployed, and the coordinator's version is still kept.
    assertThat(release.deploy(engine, newerJar)).isEmpty();
    assertThat(latestReferralId()).isEqualTo(coordinatorsReferral);
  }

  @Test
  void aReleaseThatMustReplaceACoordinatorsModelNamesItAndReplacesItOnce() {
    repository.createDeployment().name("referral").source("Camunda Modeler")
        .addInputStream("referral.bpmn", stream(bundled("processes/referral.bpmn").replace("name=\"Triage request\"",
            "name=\"Triage the request\"")))
        .deploy();
    Map<String, byte[]> newerJar = new LinkedHashMap<>(release.bundledFiles());
    newerJar.put("processes/referral.bpmn", bytes(bundled("processes/referral.bpmn")
        .replace("name=\"Close case\"", "name=\"Close the case\"")));
    ReleaseDeployment superseding = new ReleaseDeployment(resources, List.of(PATTERNS.split(",")), List.of("referral"));

    assertThat(superseding.deploy(engine, newerJar)).contains("processes/referral.bpmn");
    String releasesReferral = latestReferralId();
    assertThat(repository.getBpmnModelInstance(releasesReferral).getModelElementById("Task_CloseCase")
        .getAttributeValue("name")).isEqualTo("Close the case");
    // Its forms came with it (completed from the latest deployment), so new cases find them.
    assertThat(engine.getFormService().getDeployedStartForm(releasesReferral)).isNotNull();
    assertThat(superseding.deploy(engine, newerJar)).as("replaced once, not at every start").isEmpty();
  }

  private String latestReferralId() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("referral").latestVersion().singleResult().getId();
  }

  private String bundled(String name) {
    return new String(release.bundledFiles().get(name), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(bytes(text));
  }
}
