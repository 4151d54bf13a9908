package org.rrp.workflow.reminder;

import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

/**
 * The due-date watch of one user task: a single engine timer (job type {@value #JOB_TYPE}) on the task's execution,
 * due when the task is, then, once the reminder is out, when it is escalated. No process instance, no variables:
 * the timer's configuration names the stage and the task ({@code reminder:<task id>}, {@code escalation:<task id>}).
 * The timer belongs to the case's process instance, so Cockpit shows it (and any incident of it) on the case, and
 * a suspended case holds its reminders.
 */
record DeadlineWatch(Stage stage, String taskId) implements JobHandlerConfiguration {

  static final String JOB_TYPE = "rrp-task-deadline";

  enum Stage {
    /** Waiting for the due date; then the assignee or candidates are reminded. */
    REMINDER,
    /** Reminded; waiting for the escalation date; then the coordinators are told. */
    ESCALATION
  }

  DeadlineWatch {
    Objects.requireNonNull(stage);
    Objects.requireNonNull(taskId);
  }

  static DeadlineWatch parse(String canonical) {
    int colon = canonical.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("Not a deadline watch: " + canonical);
    }
    return new DeadlineWatch(Stage.valueOf(canonical.substring(0, colon).toUpperCase(Locale.ROOT)),
        canonical.substring(colon + 1));
  }

  @Override
  public String toCanonicalString() {
    return stage.name().toLowerCase(Locale.ROOT) + ":" + taskId;
  }

  // ---- the timers, inside an engine command ------------------------------------------------------------------

  /** Schedules the watch at the given stage on the task's execution; call inside an engine command. */
  static void schedule(DelegateTask task, Stage stage, Date due) {
    schedule((ExecutionEntity) task.getExecution(), new DeadlineWatch(stage, task.getId()), due);
  }

  static void schedule(ExecutionEntity execution, DeadlineWatch watch, Date due) {
    TimerEntity timer = new TimerEntity();
    timer.setJobHandlerType(JOB_TYPE);
    timer.setJobHandlerConfiguration(watch);
    timer.setDuedate(due);
    timer.setExecution(execution);
    timer.setProcessDefinitionId(execution.getProcessDefinitionId());
    timer.setProcessDefinitionKey(execution.getProcessDefinition().getKey());
    timer.setTenantId(execution.getTenantId());
    Context.getCommandContext().getJobManager().schedule(timer);
  }

  private static final ThreadLocal<Boolean> ENDING = ThreadLocal.withInitial(() -> false);

  /** Removes the watch because its task ended or lost its due date (not to be watched again). */
  static void end(JobEntity watch) {
    ENDING.set(true);
    try {
      watch.delete();
    } finally {
      ENDING.remove();
    }
  }

  /** Whether the watch being deleted is being ended by {@link #end}. */
  static boolean isEnding() {
    return ENDING.get();
  }

  /**
   * The task's watch, if it has one: among its execution's jobs (an indexed lookup, and the jobs added in this
   * command, e.g. when a task is created and ended in one transaction).
   */
  static Optional<JobEntity> of(DelegateTask task) {
    String taskId = task.getId();
    return ((ExecutionEntity) task.getExecution()).getJobs().stream()
        .filter(job -> JOB_TYPE.equals(job.getJobHandlerType()))
        .filter(job -> parse(job.getJobHandlerConfigurationRaw()).taskId().equals(taskId))
        .findFirst();
  }
}
