package org.rrp.workflow.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.rrp.workflow.referral.ReferralVariables.ADVICE_GIVEN;
import static org.rrp.workflow.casework.CaseVariables.ADVISOR_ID;
import static org.rrp.workflow.casework.CaseVariables.AREA;
import static org.rrp.workflow.casework.CaseVariables.CASE_OUTCOME;
import static org.rrp.workflow.casework.CaseVariables.CASE_REFERENCE;
import static org.rrp.workflow.casework.CaseVariables.SERVICE;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rrp.workflow.CaseProcessTest;
import org.rrp.workflow.LogEvents;
import org.rrp.workflow.TestMail;
import org.rrp.workflow.referral.ReferralRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * The deadline watch every user task with a due date gets: one timer on the case, a reminder when due, an
 * escalation after a further period; nothing once the task has ended.
 */
@ExtendWith(OutputCaptureExtension.class)
class TaskDeadlineWatchTest extends CaseProcessTest {

  static final String EAST = "area-east-staffs-tamworth";
  /** An advice task created on Friday morning is due in 10 working days: Friday 20 March, 10:00. */
  static final ZonedDateTime DUE = FRIDAY_MORNING.plusDays(14);

  TaskDeadlineWatchTest(@Autowired ProcessEngine processEngine) {
    super(processEngine);
  }

  @Test
  void everyTaskWithADueDateIsWatchedByOneTimerOnItsCaseUntilItIsDone() {
    Task task = adviceTask("alex");

    Job watch = watchOf(task);
    assertThat(watch.getDuedate()).isEqualTo(Date.from(DUE.toInstant()));
    assertThat(watch.getProcessInstanceId()).as("shown on the case in Cockpit").isEqualTo(task.getProcessInstanceId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count())
        .as("no process instance besides the case").isEqualTo(1);

    complete(task);

    assertThat(watches()).isEmpty();
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void overdueTaskRemindsItsAssigneeThenEscalatesToTheCoordinators() throws Exception {
    Task task = adviceTask("alex");

    fire(watchOf(task), DUE);

    MimeMessage reminder = single(TestMail.to(mail, "alex@example.org"));
    assertThat(reminder.getSubject()).isEqualTo("Overdue: Give advice and guidance (case RRP-2026-6001)");
    assertThat(GreenMailUtil.getBody(reminder)).contains("Friday 20/03/2026 at 10:00");

    Job escalation = watchOf(task);
    assertThat(escalation.getDuedate()).as("two working days after it fell due: Tuesday")
        .isEqualTo(Date.from(DUE.plusDays(4).toInstant()));
    fire(escalation, DUE.plusDays(4));

    MimeMessage escalated = single(TestMail.to(mail, "cora@example.org"));
    assertThat(escalated.getSubject()).isEqualTo("Escalation: Give advice and guidance (case RRP-2026-6001) is overdue");
    assertThat(GreenMailUtil.getBody(escalated)).contains("assigned to alex");
    assertThat(watches()).as("the watch has done its work").isEmpty();
    assertThat(mail.getReceivedMessages()).hasSize(2);
  }

  @Test
  void taskWhoseProcessHasNoCaseReferenceIsRemindedWithoutOne() throws Exception {
    ProcessInstance referral = engine.getRuntimeService().createProcessInstanceByKey("referral")
        .startBeforeActivity("Task_GiveAdviceAndGuidance")
        .setVariables(ReferralRequests.valid().putValue(AREA, EAST).putValue(SERVICE, "advice-and-guidance")
            .putValue(ADVISOR_ID, "alex"))
        .execute();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(referral.getId()).singleResult();

    fire(watchOf(task), DUE);

    assertThat(single(TestMail.to(mail, "alex@example.org")).getSubject())
        .isEqualTo("Overdue: Give advice and guidance (a task without a case)");
  }

  @Test
  void reminderAnotherNodeIsSendingIsLoggedInOneLineAndFoundSentWhenTriedAgain(CapturedOutput output) {
    Task task = adviceTask("alex");
    // another node's run of the same watch has claimed the reminder and is sending it
    jdbc.update("insert into rrp_notification_sent (notification_key, notification_type, case_reference, sent_at, "
        + "claimed_until) values (?, 'task-overdue', 'RRP-2026-6001', null, ?)", "task/" + task.getId()
        + "/overdue/alex@example.org", Timestamp.from(DUE.toInstant().plus(Duration.ofMinutes(10))));

    Job watch = watchOf(task);
    Throwable failure = catchThrowable(() -> fire(watch, DUE));
    assertThat(failure).isInstanceOf(OptimisticLockingException.class);
    // what the job executor's thread logs of a job's failure (a job run by hand is not logged there)
    ExecuteJobHelper.LOGGING_HANDLER.exceptionWhileExecutingJob(watch.getId(), failure);

    assertThat(LogEvents.ofThisThread(output.getAll()))
        .as("one line, as the engine logs a conflict of concurrent work")
        .contains("ENGINE-14006 Exception while executing job " + watch.getId() + ": BeingSentElsewhere.")
        .doesNotContain("ENGINE-16004").doesNotContain("at org.rrp.workflow.notification.Notifier.sendOnce");
    assertThat(mail.getReceivedMessages()).isEmpty();
    assertThat(watchOf(task).getDuedate()).as("still waiting to remind").isEqualTo(Date.from(DUE.toInstant()));
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();

    // the other node sent it; this node's retry finds it sent and goes on to wait for the escalation
    jdbc.update("update rrp_notification_sent set sent_at = ?, claimed_until = null",
        Timestamp.from(DUE.toInstant().plusSeconds(5)));
    fire(watchOf(task), DUE.plusMinutes(1));

    assertThat(mail.getReceivedMessages()).isEmpty();
    assertThat(watchOf(task).getDuedate()).isEqualTo(Date.from(DUE.plusDays(4).toInstant()));
  }

  @Test
  void unclaimedTaskRemindsEveryoneOfItsCandidateGroup() {
    Task task = adviceTask(null);

    fire(watchOf(task), DUE);

    assertThat(TestMail.to(mail, "alex@example.org")).hasSize(1);
    assertThat(TestMail.to(mail, "ash@example.org")).hasSize(1);
    assertThat(TestMail.to(mail, "bea@example.org")).as("another area's advisor").isEmpty();
  }

  @Test
  void taskDoneAfterItsReminderIsNotEscalated() {
    Task task = adviceTask("alex");
    fire(watchOf(task), DUE);

    complete(task);

    assertThat(watches()).isEmpty();
    assertThat(TestMail.to(mail, "cora@example.org")).isEmpty();
  }

  @Test
  void dueDateMovedInTasklistMovesTheReminderLaterOrEarlier() {
    Task task = adviceTask("alex");

    moveDueDate(task, DUE.plusDays(7));
    assertThat(watchOf(task).getDuedate()).isEqualTo(Date.from(DUE.plusDays(7).toInstant()));
    assertThat(watches()).hasSize(1);

    moveDueDate(task, DUE.minusDays(3));
    assertThat(watchOf(task).getDuedate()).isEqualTo(Date.from(DUE.minusDays(3).toInstant()));
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void watchThatFiresBeforeAMovedDueDateWaitsForIt() {
    Task task = adviceTask("alex");
    Job watch = watchOf(task);
    // The due date is moved behind the watch's back (no update event), as an older watch could have it.
    jdbc.update("update ACT_RU_TASK set DUE_DATE_ = ? where ID_ = ?", Date.from(DUE.plusDays(7).toInstant()), task.getId());

    fire(watch, DUE);

    assertThat(mail.getReceivedMessages()).isEmpty();
    assertThat(watchOf(task).getDuedate()).isEqualTo(Date.from(DUE.plusDays(7).toInstant()));
  }

  @Test
  void dueDateClearedEndsTheWatchAndDueDateGivenStartsOne() {
    Task task = adviceTask("alex");

    moveDueDate(task, null);
    assertThat(watches()).isEmpty();

    moveDueDate(task, DUE.plusDays(1));
    assertThat(watchOf(task).getDuedate()).isEqualTo(Date.from(DUE.plusDays(1).toInstant()));
  }

  @Test
  void claimingOrAssigningLeavesTheWatchAlone() {
    Task task = adviceTask(null);
    String before = watchOf(task).getId();

    engine.getTaskService().claim(task.getId(), "alex");

    assertThat(watchOf(task).getId()).isEqualTo(before);
  }

  @Test
  void watchRemovedByAnythingButItsTaskIsPutBackAtTheSameStage() {
    Task task = adviceTask("alex");
    fire(watchOf(task), DUE);
    Date escalationDue = watchOf(task).getDuedate();

    engine.getManagementService().deleteJob(watchOf(task).getId());

    assertThat(watchOf(task).getDuedate()).as("the escalation, as it was").isEqualTo(escalationDue);
  }

  @Test
  void caseDeletedInCockpitTakesTheWatchesOfItsTasks() {
    Task task = adviceTask("alex");

    engine.getRuntimeService().deleteProcessInstance(task.getProcessInstanceId(), "cancelled in Cockpit");

    assertThat(watches()).isEmpty();
  }

  @Test
  void failedReminderIsTriedAgainAfterOneMinuteTenMinutesAndAnHourThenShowsAsAnIncidentOnTheCase() {
    IdentityService identity = engine.getIdentityService();
    User unreachable = identity.newUser("rhys.unreachable");
    unreachable.setEmail("rhys.unreachable@");
    identity.saveUser(unreachable);
    try {
      Task task = adviceTask("rhys.unreachable");
      engine.setCurrentTime(Date.from(DUE.toInstant()));
      String watchId = watchOf(task).getId();

      for (Duration wait : List.of(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1))) {
        assertThatThrownBy(() -> engine.getManagementService().executeJob(watchId)).isInstanceOf(RuntimeException.class);
        Job failed = engine.getManagementService().createJobQuery().jobId(watchId).singleResult();
        assertThat(failed.getExceptionMessage()).isNotBlank();
        assertThat(lockExpiry(watchId)).as("tried again after " + wait).isEqualTo(DUE.toInstant().plus(wait));
      }
      assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(task.getProcessInstanceId()).count())
          .isZero();

      assertThatThrownBy(() -> engine.getManagementService().executeJob(watchId)).isInstanceOf(RuntimeException.class);

      Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(task.getProcessInstanceId())
          .singleResult();
      assertThat(incident.getConfiguration()).isEqualTo(watchId);
      assertThat(engine.getManagementService().createJobQuery().jobId(watchId).singleResult().getRetries()).isZero();
    } finally {
      identity.deleteUser("rhys.unreachable");
    }
  }

  @Test
  void watchesOfAnEarlierReleaseBecomeTimersAtTheSameStage() {
    Deployment legacy = engine.getRepositoryService().createDeployment().name("earlier release")
        .addModelInstance("task-deadline.bpmn", earlierWatchModel()).deploy();
    try {
      Task waitingForDue = adviceTask("alex");
      Task waitingForEscalation = adviceTask(null);
      for (Task task : List.of(waitingForDue, waitingForEscalation)) {
        // as an earlier release left them: watched by a process, not a timer
        jdbc.update("delete from ACT_RU_JOB where ID_ = ?", watchOf(task).getId());
      }
      engine.getRuntimeService().createProcessInstanceByKey(LegacyDeadlineWatches.PROCESS)
          .startBeforeActivity("Event_TaskDue")
          .setVariables(Variables.putValue(LegacyDeadlineWatches.TASK_ID, waitingForDue.getId())).execute();
      ProcessInstance escalating = engine.getRuntimeService().createProcessInstanceByKey(LegacyDeadlineWatches.PROCESS)
          .startBeforeActivity(LegacyDeadlineWatches.WAITING_FOR_ESCALATION)
          .setVariables(Variables.putValue(LegacyDeadlineWatches.TASK_ID, waitingForEscalation.getId())).execute();
      Date escalationDate = engine.getManagementService().createJobQuery().processInstanceId(escalating.getId())
          .singleResult().getDuedate();

      assertThat(LegacyDeadlineWatches.convert(engine.getProcessEngine())).isEqualTo(2);

      assertThat(engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(LegacyDeadlineWatches.PROCESS).count()).isZero();
      assertThat(watchOf(waitingForDue).getDuedate()).isEqualTo(Date.from(DUE.toInstant()));
      Job escalation = watchOf(waitingForEscalation);
      assertThat(escalation.getDuedate()).isEqualTo(escalationDate);
      fire(escalation, ZonedDateTime.ofInstant(escalationDate.toInstant(), DUE.getZone()));
      assertThat(TestMail.to(mail, "cora@example.org")).as("escalated, not reminded again").hasSize(1);
      assertThat(TestMail.to(mail, "alex@example.org")).isEmpty();
    } finally {
      engine.getRepositoryService().deleteDeployment(legacy.getId(), true, true);
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  /** An advice task of an East Staffs case, assigned to the advisor (or unclaimed when null). */
  private Task adviceTask(String advisor) {
    String reference = "RRP-2026-6001";
    ProcessInstance referral = engine.getRuntimeService().createProcessInstanceByKey("referral").businessKey(reference)
        .startBeforeActivity("Task_GiveAdviceAndGuidance")
        .setVariables(ReferralRequests.valid().putValue(CASE_REFERENCE, reference).putValue(AREA, EAST)
            .putValue(SERVICE, "advice-and-guidance").putValue(ADVISOR_ID, advisor))
        .execute();
    return engine.getTaskService().createTaskQuery().processInstanceId(referral.getId()).singleResult();
  }

  private void complete(Task task) {
    engine.getTaskService().complete(task.getId(), Map.of(ADVICE_GIVEN, "A calm space agreed.", CASE_OUTCOME, "Settled."));
  }

  private void moveDueDate(Task task, ZonedDateTime due) {
    Task current = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
    current.setDueDate(due == null ? null : Date.from(due.toInstant()));
    engine.getTaskService().saveTask(current);
  }

  private List<Job> watches() {
    return engine.getManagementService().createJobQuery().timers().list().stream()
        .filter(job -> job.getProcessInstanceId() != null)
        .filter(job -> engine.getTaskService().createTaskQuery().processInstanceId(job.getProcessInstanceId()).count() > 0
            || engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
                .count() == 1)
        .filter(job -> jdbc.queryForObject("select HANDLER_TYPE_ from ACT_RU_JOB where ID_ = ?", String.class,
            job.getId()).equals(DeadlineWatch.JOB_TYPE))
        .toList();
  }

  /** The task's one watch. */
  private Job watchOf(Task task) {
    List<Job> watches = watches().stream().filter(job -> DeadlineWatch.parse(jdbc.queryForObject(
        "select HANDLER_CFG_ from ACT_RU_JOB where ID_ = ?", String.class, job.getId())).taskId().equals(task.getId()))
        .toList();
    assertThat(watches).as("the task's watch").hasSize(1);
    return watches.get(0);
  }

  private Instant lockExpiry(String jobId) {
    return jdbc.queryForObject("select LOCK_EXP_TIME_ from ACT_RU_JOB where ID_ = ?", Timestamp.class, jobId).toInstant();
  }

  /** Moves the engine's clock to the time and fires the timer, which must be due by then. */
  private void fire(Job watch, ZonedDateTime at) {
    engine.setCurrentTime(Date.from(at.toInstant()));
    assertThat(watch.getDuedate()).isBeforeOrEqualTo(Date.from(at.toInstant()));
    engine.getManagementService().executeJob(watch.getId());
  }

  /** The shape of the watch process earlier releases deployed: what the conversion reads of it. */
  private static BpmnModelInstance earlierWatchModel() {
    return Bpmn.createExecutableProcess(LegacyDeadlineWatches.PROCESS).name("Task deadline watch")
        .camundaHistoryTimeToLive(180)
        .startEvent("StartEvent_TaskCreated")
        .intermediateCatchEvent("Event_TaskDue").timerWithDate("2099-01-01T00:00:00Z")
        .intermediateCatchEvent(LegacyDeadlineWatches.WAITING_FOR_ESCALATION).timerWithDate("2099-01-08T00:00:00Z")
        .endEvent("EndEvent_TaskEscalated")
        .done();
  }

  private static MimeMessage single(List<MimeMessage> messages) {
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }
}
