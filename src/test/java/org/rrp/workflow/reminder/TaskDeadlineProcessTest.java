package org.rrp.workflow.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.rrp.workflow.referral.ReferralVariables.ADVICE_GIVEN;
import static org.rrp.workflow.casework.CaseVariables.ADVISOR_ID;
import static org.rrp.workflow.casework.CaseVariables.AREA;
import static org.rrp.workflow.casework.CaseVariables.CASE_OUTCOME;
import static org.rrp.workflow.casework.CaseVariables.CASE_REFERENCE;
import static org.rrp.workflow.casework.CaseVariables.SERVICE;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rrp.workflow.CaseProcessTest;
import org.rrp.workflow.TestMail;
import org.rrp.workflow.referral.ReferralRequests;
import org.rrp.workflow.casework.CaseClock;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMailUtil;

/** The {@code task-deadline} watch every user task gets: reminder when due, escalation after a further period. */
class TaskDeadlineProcessTest extends CaseProcessTest {

  static final String EAST = "area-east-staffs-tamworth";
  /** An advice task created on Friday morning is due in 10 working days: Friday 20 March, 10:00. */
  static final ZonedDateTime DUE = FRIDAY_MORNING.plusDays(14);

  TaskDeadlineProcessTest(@Autowired ProcessEngine processEngine) {
    super(processEngine);
  }

  @Test
  void everyTaskWithADueDateIsWatchedUntilItIsDone() {
    Task task = adviceTask("alex");
    ProcessInstance watch = watchOf(task);

    assertThat(watch).isWaitingAt("Gateway_TaskEndedOrDue");
    assertThat(timer(watch, "Event_TaskDue").getDuedate()).isEqualTo(Date.from(DUE.toInstant()));

    complete(task);

    assertThat(watch).isEnded().hasPassed("EndEvent_TaskDoneInTime");
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void overdueTaskRemindsItsAssigneeThenEscalatesToTheCoordinators() throws Exception {
    Task task = adviceTask("alex");
    ProcessInstance watch = watchOf(task);

    fire(watch, "Event_TaskDue", DUE);
    run(watch, "Task_RemindOfOverdueTask");

    MimeMessage reminder = single(TestMail.to(mail, "alex@example.org"));
    assertThat(reminder.getSubject()).isEqualTo("Overdue: Give advice and guidance (case RRP-2026-6001)");
    assertThat(GreenMailUtil.getBody(reminder)).contains("Friday 20 March 2026, 10:00");

    Job escalation = timer(watch, "Event_EscalationDue");
    assertThat(escalation.getDuedate()).as("two working days after it fell due: Tuesday")
        .isEqualTo(Date.from(DUE.plusDays(4).toInstant()));
    fire(watch, "Event_EscalationDue", DUE.plusDays(4));
    run(watch, "Task_EscalateOverdueTask");

    MimeMessage escalated = single(TestMail.to(mail, "cora@example.org"));
    assertThat(escalated.getSubject()).isEqualTo("Escalation: Give advice and guidance (case RRP-2026-6001) is overdue");
    assertThat(GreenMailUtil.getBody(escalated)).contains("assigned to alex");
    assertThat(watch).isEnded().hasPassed("EndEvent_TaskEscalated");
  }

  @Test
  void unclaimedTaskRemindsEveryoneOfItsCandidateGroup() {
    Task task = adviceTask(null);
    ProcessInstance watch = watchOf(task);

    fire(watch, "Event_TaskDue", DUE);
    run(watch, "Task_RemindOfOverdueTask");

    assertThat(TestMail.to(mail, "alex@example.org")).hasSize(1);
    assertThat(TestMail.to(mail, "ash@example.org")).hasSize(1);
    assertThat(TestMail.to(mail, "bea@example.org")).as("another area's advisor").isEmpty();
  }

  @Test
  void taskDoneAfterItsReminderIsNotEscalated() {
    Task task = adviceTask("alex");
    ProcessInstance watch = watchOf(task);
    fire(watch, "Event_TaskDue", DUE);
    run(watch, "Task_RemindOfOverdueTask");

    complete(task);

    assertThat(watch).isEnded().hasPassed("EndEvent_TaskDoneAfterReminder").hasNotPassed("Task_EscalateOverdueTask");
    assertThat(TestMail.to(mail, "cora@example.org")).isEmpty();
  }

  @Test
  void dueDateMovedLaterInTasklistIsHonoured() {
    Task task = adviceTask("alex");
    ProcessInstance watch = watchOf(task);
    task.setDueDate(Date.from(DUE.plusDays(7).toInstant()));
    engine.getTaskService().saveTask(task);

    fire(watch, "Event_TaskDue", DUE);

    assertThat(watch).hasPassed("Gateway_TaskState").isWaitingAt("Gateway_TaskEndedOrDue");
    assertThat(timer(watch, "Event_TaskDue").getDuedate()).isEqualTo(Date.from(DUE.plusDays(7).toInstant()));
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void caseDeletedInCockpitEndsTheWatchesOfItsTasks() {
    Task task = adviceTask("alex");
    ProcessInstance watch = watchOf(task);

    engine.getRuntimeService().deleteProcessInstance(task.getProcessInstanceId(), "cancelled in Cockpit");

    assertThat(watch).isEnded();
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  /** An advice task of an East Staffs case, assigned to the advisor (or unclaimed when null). */
  private Task adviceTask(String advisor) {
    ProcessInstance referral = engine.getRuntimeService().createProcessInstanceByKey("referral").businessKey("RRP-2026-6001")
        .startBeforeActivity("Task_GiveAdviceAndGuidance")
        .setVariables(ReferralRequests.valid().putValue(CASE_REFERENCE, "RRP-2026-6001").putValue(AREA, EAST)
            .putValue(SERVICE, "advice-and-guidance").putValue(ADVISOR_ID, advisor))
        .execute();
    return engine.getTaskService().createTaskQuery().processInstanceId(referral.getId()).singleResult();
  }

  private void complete(Task task) {
    engine.getTaskService().complete(task.getId(), Map.of(ADVICE_GIVEN, "A calm space agreed.", CASE_OUTCOME, "Settled."));
  }

  private ProcessInstance watchOf(Task task) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("task-deadline")
        .processInstanceBusinessKey(task.getId()).singleResult();
  }

  private Job timer(ProcessInstance watch, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(watch.getId()).activityId(activityId)
        .timers().singleResult();
  }

  /** Moves the engine's clock to the time and fires the timer, which must be due by then. */
  private void fire(ProcessInstance watch, String activityId, ZonedDateTime at) {
    engine.setCurrentTime(Date.from(at.toInstant()));
    Job job = timer(watch, activityId);
    assertThat(job.getDuedate()).isBeforeOrEqualTo(Date.from(at.toInstant()));
    engine.getManagementService().executeJob(job.getId());
  }

  private void run(ProcessInstance watch, String activityId) {
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(watch.getId()).activityId(activityId).singleResult().getId());
  }

  private static MimeMessage single(List<MimeMessage> messages) {
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }
}
