package org.rrp.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rrp.workflow.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A form bound to its deployment is read once; a new deployment, or a form bound to its latest, is read anew. */
@EngineTest
class FormSchemasTest {

  private static final String PROCESS = "form-probe";
  private static final String FORM = "probe-form";

  @Autowired
  ProcessEngine engine;

  @Autowired
  FormSchemas schemas;

  @AfterEach
  void removeProbes() {
    engine.getRepositoryService().createDeploymentQuery().deploymentName("form-probe").list()
        .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
  }

  @Test
  void aFormBoundToItsDeploymentIsReadOnceAndANewDeploymentsFormAnew() {
    String first = definitionOf(deploy("deployment", "firstField"));

    FormSchema read = schemas.ofStart(null, PROCESS, null).orElseThrow();
    assertThat(read.fields()).containsOnlyKeys("firstField");
    assertThat(schemas.ofStart(first, null, null).orElseThrow()).as("kept").isSameAs(read);

    String second = definitionOf(deploy("deployment", "secondField"));
    assertThat(schemas.ofStart(null, PROCESS, null).orElseThrow().fields()).containsOnlyKeys("secondField");
    assertThat(schemas.ofStart(second, null, null).orElseThrow().fields()).containsOnlyKeys("secondField");
    assertThat(schemas.ofStart(first, null, null).orElseThrow()).as("the first version keeps its own form")
        .isSameAs(read);
  }

  @Test
  void aFormBoundToItsLatestVersionIsReadEachTime() {
    String definition = definitionOf(deploy("latest", "firstField"));
    assertThat(schemas.ofStart(definition, null, null).orElseThrow().fields()).containsOnlyKeys("firstField");

    engine.getRepositoryService().createDeployment().name("form-probe")
        .addString("probe.form", form("laterField")).deploy();

    assertThat(schemas.ofStart(definition, null, null).orElseThrow().fields()).containsOnlyKeys("laterField");
  }

  @Test
  void noSuchTaskOrDefinitionIsEmpty() {
    assertThat(schemas.ofTask("no-such-task")).isEmpty();
    assertThat(schemas.ofStart("no-such-definition", null, null)).isEmpty();
  }

  private Deployment deploy(String binding, String field) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Probed").camundaFormRef(FORM).camundaFormRefBinding(binding)
        .userTask("Task_Probe").camundaCandidateGroups("rrp-coordinators")
        .camundaDueDate("${deadlines.due('triage')}")
        .endEvent("EndEvent_Probed").done();
    return engine.getRepositoryService().createDeployment().name("form-probe")
        .addModelInstance("probe.bpmn", model).addString("probe.form", form(field)).deploy();
  }

  private String definitionOf(Deployment deployment) {
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment.getId())
        .singleResult().getId();
  }

  private static String form(String field) {
    return """
        {"id": "%s", "type": "default", "schemaVersion": 16,
         "components": [{"type": "textfield", "key": "%s", "label": "A field"}]}""".formatted(FORM, field);
  }
}
