package org.rrp.workflow.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.rrp.workflow.casework.CaseVariables.*;
import static org.rrp.workflow.referral.ReferralVariables.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rrp.workflow.figures.CaseFacts.Column;
import org.rrp.workflow.CaseProcessTest;
import org.rrp.workflow.referral.ReferralRequests;
import org.rrp.workflow.referral.ReferralVariables;
import org.springframework.beans.factory.annotation.Autowired;

/** The case facts are recorded from the engine's history as a real case moves, whatever the model. */
class CaseFactRecorderTest extends CaseProcessTest {

  static final String EAST = "area-east-staffs-tamworth";

  @Autowired
  CaseFactRecorderTest(ProcessEngine processEngine) {
    super(processEngine);
  }

  @BeforeEach
  void noFacts() {
    jdbc.update("delete from rrp_case_fact");
  }

  @Test
  void anAdviceCaseIsRecordedFromRequestToClosure() {
    ProcessInstance referral = request(ReferralRequests.valid());
    Map<String, Object> received = fact(referral);
    assertThat(received).containsEntry("CASE_REFERENCE", referral.getBusinessKey()).containsEntry("AREA", EAST)
        .containsEntry("ELIGIBLE", true).containsEntry("SERVICE", ADVICE_AND_GUIDANCE);
    assertThat(received.get("RECEIVED_AT")).isEqualTo(Timestamp.from(FRIDAY_MORNING.toInstant()));
    assertThat(received.get("CLOSED_AT")).isNull();

    complete(task(referral), withVariables(SERVICE, ADVICE_AND_GUIDANCE, AREA, EAST));
    engine.setCurrentTime(java.util.Date.from(FRIDAY_MORNING.plusDays(4).toInstant())); // Tuesday
    execute(job(referral));
    execute(job(referral));
    Map<String, Object> allocated = fact(referral);
    assertThat(allocated.get("ADVISOR_ID")).isNotNull();
    assertThat(allocated).containsEntry("DAYS_TO_ALLOCATION", 2).containsEntry("ALLOCATED_BY_HAND", false);

    complete(task(referral), withVariables(ADVICE_GIVEN, "A named adult at the door each morning.",
        CASE_OUTCOME, "Settled into the new class.", SIGNPOSTING, "School nurse drop-in"));
    execute(job(referral));

    Map<String, Object> closed = fact(referral);
    assertThat(closed).containsEntry("OUTCOME", "advice");
    assertThat(closed.get("CLOSED_AT")).isNotNull();
  }

  @Test
  void theAllocationIsDatedWhenTheAdvisorWasChosenNotWhenTheirServiceStarted() {
    ProcessInstance referral = request(ReferralRequests.valid().putValue(ReferralVariables.SERVICE_WANTED, SOLUTION_FOCUSED_CIRCLE));
    complete(task(referral), withVariables(SERVICE, SOLUTION_FOCUSED_CIRCLE, AREA, EAST));
    java.util.Date tuesday = java.util.Date.from(FRIDAY_MORNING.plusDays(4).toInstant());
    engine.setCurrentTime(tuesday);
    execute(job(referral)); // the advisor is chosen

    // the advisor's email could not be sent until Thursday: the circle, which copies the advisor in, starts then
    engine.setCurrentTime(java.util.Date.from(FRIDAY_MORNING.plusDays(6).toInstant()));
    execute(job(referral));

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(referral.getId()).count())
        .as("the circle has started").isOne();
    Map<String, Object> allocated = fact(referral);
    assertThat(allocated.get("ALLOCATED_AT")).isEqualTo(new Timestamp(tuesday.getTime()));
    assertThat(allocated).containsEntry("DAYS_TO_ALLOCATION", 2).containsEntry("SERVICE", SOLUTION_FOCUSED_CIRCLE);
  }

  @Test
  void aDeclinedRequestKeepsTheTablesReasonNotTheCoordinatorsWords() {
    ProcessInstance referral = request(ReferralRequests.ineligible());

    complete(task(referral), withVariables(INELIGIBLE_DECISION, DECLINE, DECLINE_REASON, "Not in the cohort, per the table.",
        SIGNPOSTING, "Family hub"));
    execute(job(referral));

    Map<String, Object> declined = fact(referral);
    assertThat(declined).containsEntry("ELIGIBLE", false).containsEntry("INELIGIBLE_DECISION", DECLINE)
        .containsEntry("OUTCOME", "declined");
    assertThat((String) declined.get("INELIGIBILITY_REASON")).isNotBlank().doesNotContain("per the table");
  }

  @Test
  void aCaseCancelledInCockpitIsCountedAsCancelled() {
    ProcessInstance referral = request(ReferralRequests.valid());

    engine.getRuntimeService().deleteProcessInstance(referral.getId(), "entered twice");

    assertThat(fact(referral)).containsEntry("OUTCOME", "cancelled");
  }

  @Test
  void aRefusedRequestLeavesNoFact() {
    VariableMap bad = ReferralRequests.valid().putValue(CHILD_DATE_OF_BIRTH, "2099-01-01");
    try {
      submit(bad);
    } catch (RuntimeException refused) {
      // the request check refuses it
    }
    assertThat(jdbc.queryForObject("select count(*) from rrp_case_fact", Integer.class)).isZero();
  }

  @Test
  void theFactsACommandSetsAreWrittenTogetherOnceACaseWhenItEnds() {
    List<String> statements = new ArrayList<>();
    CaseFacts counted = new CaseFacts(jdbc) {
      @Override
      void write(String caseId, Instant receivedAt, Map<Column, Object> columns) {
        statements.add(caseId + (receivedAt == null ? " changed " : " made ") + columns);
        super.write(caseId, receivedAt, columns);
      }
    };
    CaseFactRecorder.PendingFacts pending = new CaseFactRecorder.PendingFacts(counted);
    Instant received = FRIDAY_MORNING.toInstant();
    jdbc.update("insert into rrp_case_fact (process_instance_id, received_at) values ('earlier', ?)",
        Timestamp.from(received));

    pending.set("new", Column.AREA, EAST);
    pending.open("new", received);
    pending.set("earlier", Column.SERVICE, ADVICE_AND_GUIDANCE);
    pending.set("new", Column.CASE_REFERENCE, "RRP-2026-0101");
    pending.set("new", Column.AREA, "area-west");
    assertThat(statements).as("nothing written before the command ends").isEmpty();
    pending.flush();

    assertThat(statements).containsExactly("new made {CASE_REFERENCE=RRP-2026-0101, AREA=area-west}",
        "earlier changed {SERVICE=advice-and-guidance}");
    assertThat(jdbc.queryForMap("select case_reference, area from rrp_case_fact where process_instance_id = 'new'"))
        .containsEntry("CASE_REFERENCE", "RRP-2026-0101").containsEntry("AREA", "area-west");
    assertThat(jdbc.queryForObject("select service from rrp_case_fact where process_instance_id = 'earlier'",
        String.class)).isEqualTo(ADVICE_AND_GUIDANCE);

    pending.set("earlier", Column.STOPPED, true);
    pending.close();
    pending.flush();
    assertThat(statements).as("a command that fails writes nothing").hasSize(2);
  }

  private Map<String, Object> fact(ProcessInstance referral) {
    return jdbc.queryForMap("select * from rrp_case_fact where process_instance_id = ?", referral.getId());
  }

  private ProcessInstance request(VariableMap request) {
    ProcessInstance referral = submit(request);
    execute(job(referral));
    return referral;
  }

  private ProcessInstance submit(VariableMap request) {
    return ReferralRequests.submit(engine.getProcessEngine(), request);
  }
}
