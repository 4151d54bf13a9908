package org.rrp.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rrp.workflow.CaseProcessTest;
import org.rrp.workflow.LogEvents;
import org.rrp.workflow.referral.ReferralRequests;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * A job that ran with retries left is not searched for a failed-job incident; a job whose retries ran out gets its
 * incident, which is resolved when its retries are given back or when it is deleted, as the engine does.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailedJobIncidentsTest extends CaseProcessTest {

  /** The engine's mapping of incident queries: each statement it runs is logged under it at DEBUG. */
  private static final Logger INCIDENT_QUERIES =
      (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity");
  private static final String SEARCH = "selectIncidentsByConfiguration";

  FailedJobIncidentsTest(@Autowired ProcessEngine processEngine) {
    super(processEngine);
  }

  @BeforeEach
  void logIncidentQueries() {
    INCIDENT_QUERIES.setLevel(Level.DEBUG);
  }

  @AfterEach
  void stopLoggingThem() {
    INCIDENT_QUERIES.setLevel(null);
  }

  @Test
  void aJobThatRanWithRetriesLeftIsNotSearchedForAnIncident(CapturedOutput output) {
    ProcessInstance referral = ReferralRequests.submit(engine.getProcessEngine(), ReferralRequests.valid());
    int logged = output.getAll().length();

    execute(job(referral));

    assertThat(engine.getManagementService().createJobQuery().jobId(job(referral).getId()).count())
        .as("the next save point").isOne();
    assertThat(LogEvents.ofThisThread(output.getAll().substring(logged))).doesNotContain(SEARCH);
  }

  @Test
  void aJobWhoseRetriesRanOutHasItsIncidentResolvedWhenTheyAreGivenBack(CapturedOutput output) {
    ProcessInstance referral = ReferralRequests.submit(engine.getProcessEngine(), ReferralRequests.valid());
    ManagementService jobs = engine.getManagementService();
    Job acknowledgement = job(referral);

    jobs.setJobRetries(acknowledgement.getId(), 0);
    assertThat(incidents(referral)).isOne();
    int logged = output.getAll().length();
    jobs.setJobRetries(acknowledgement.getId(), 1);

    assertThat(incidents(referral)).isZero();
    assertThat(LogEvents.ofThisThread(output.getAll().substring(logged))).as("searched, as the engine does")
        .contains(SEARCH);
  }

  @Test
  void aJobRunWithNoRetriesLeftHasItsIncidentResolved() {
    ProcessInstance referral = ReferralRequests.submit(engine.getProcessEngine(), ReferralRequests.valid());
    Job acknowledgement = job(referral);
    engine.getManagementService().setJobRetries(acknowledgement.getId(), 0);
    assertThat(incidents(referral)).isOne();

    engine.getManagementService().executeJob(acknowledgement.getId());

    assertThat(engine.getManagementService().createJobQuery().jobId(acknowledgement.getId()).count()).isZero();
    assertThat(incidents(referral)).isZero();
    assertThat(engine.getHistoryService().createHistoricIncidentQuery().processInstanceId(referral.getId())
        .resolved().count()).isOne();
  }

  private long incidents(ProcessInstance referral) {
    return engine.getRuntimeService().createIncidentQuery().processInstanceId(referral.getId()).count();
  }
}
