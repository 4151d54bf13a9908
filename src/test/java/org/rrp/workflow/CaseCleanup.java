package org.rrp.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tests that count cases or mail start from none: every running instance is deleted, with its listeners run. */
public final class CaseCleanup {

  private CaseCleanup() {
  }

  /** Deletes every case, and the application's records of caseloads and notifications sent. */
  public static void deleteAllCases(ProcessEngine engine, JdbcTemplate jdbc) {
    deleteAllCases(engine);
    jdbc.update("delete from rrp_case_allocation");
    jdbc.update("delete from rrp_notification_sent");
  }

  public static void deleteAllCases(ProcessEngine engine) {
    RuntimeService runtime = engine.getRuntimeService();
    for (ProcessInstance root : runtime.createProcessInstanceQuery().rootProcessInstances().list()) {
      // Deleting a case ends its called circle and, through its tasks, their deadline watches.
      if (runtime.createProcessInstanceQuery().processInstanceId(root.getId()).count() == 1) {
        runtime.deleteProcessInstance(root.getId(), "test clean-up", false, true);
      }
    }
  }
}
