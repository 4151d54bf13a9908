package org.rrp.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.rrp.workflow.casework.CaseVariables.*;
import static org.rrp.workflow.referral.ReferralVariables.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.rrp.workflow.AsUser;
import org.rrp.workflow.CaseProcessTest;
import org.rrp.workflow.referral.ReferralRequests;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The detail log of a case: every field of every form a person submits and whatever a person sets outside a form,
 * but not the process's own copies of the values it sets (those keep their latest value).
 */
class AuditHistoryTest extends CaseProcessTest {

  AuditHistoryTest(@Autowired ProcessEngine processEngine) {
    super(processEngine);
  }

  @Test
  void everyFieldOfASubmittedFormIsKeptOnceTextAsTheFormsFieldTheRestAsTheValueSet() {
    ProcessInstance referral = requestAsReferrer();

    assertThat(formFields(referral)).containsEntry(CHILD_NAME, "Robin Testchild")
        .containsEntry(SETTING_DISTRICT, "tamworth").containsEntry(SERVICE_WANTED, ADVICE_AND_GUIDANCE);
    assertThat(valuesSet(referral)).containsEntry(PARENT_CARER_AGREEMENT, true)
        .containsEntry(TRAINED_FACILITATOR_IN_SCHOOL, false)
        .doesNotContainKeys(CHILD_NAME, SETTING_DISTRICT, SERVICE_WANTED);
  }

  @Test
  void valuesTheProcessSetsOnItsOwnKeepTheirLatestValueOnly() {
    ProcessInstance referral = requestAsReferrer();
    execute(job(referral));
    complete(task(referral), withVariables(SERVICE, ADVICE_AND_GUIDANCE, AREA, "area-east-staffs-tamworth"));
    execute(job(referral));

    Object advisor = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(referral.getId()).variableName(ADVISOR_ID).singleResult().getValue();
    assertThat(advisor).isIn("alex", "ash");
    assertThat(valuesSet(referral)).doesNotContainKey(ADVISOR_ID);
  }

  @Test
  void whatTheAdministratorSetsOutsideAFormIsKeptWithItsValue() {
    ProcessInstance referral = requestAsReferrer();

    AsUser.as(engine.getProcessEngine(), "admin", () -> {
      engine.getRuntimeService().setVariable(referral.getId(), SETTING_NAME, "Hollybank Academy");
      return null;
    });

    assertThat(valuesSet(referral)).containsEntry(SETTING_NAME, "Hollybank Academy");
    assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(referral.getId())
        .variableUpdates().list()).filteredOn(detail -> SETTING_NAME.equals(variableName(detail)))
        .singleElement().satisfies(detail -> assertThat(detail.getUserOperationId()).isNotNull());
  }

  private ProcessInstance requestAsReferrer() {
    return AsUser.as(engine.getProcessEngine(), "rosa",
        () -> ReferralRequests.submit(engine.getProcessEngine(), ReferralRequests.valid()));
  }

  private Map<String, Object> formFields(ProcessInstance instance) {
    Map<String, Object> fields = new HashMap<>();
    for (HistoricDetail detail : engine.getHistoryService().createHistoricDetailQuery()
        .processInstanceId(instance.getId()).formFields().list()) {
      HistoricFormField field = (HistoricFormField) detail;
      fields.put(field.getFieldId(), field.getFieldValue());
    }
    return fields;
  }

  private Map<String, Object> valuesSet(ProcessInstance instance) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricDetail detail : engine.getHistoryService().createHistoricDetailQuery()
        .processInstanceId(instance.getId()).variableUpdates().list()) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      values.put(update.getVariableName(), update.getValue());
    }
    return values;
  }

  private static String variableName(HistoricDetail detail) {
    return ((HistoricVariableUpdate) detail).getVariableName();
  }
}
