package org.rrp.workflow.reminder;

import java.util.Date;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.CaseFile;
import org.rrp.workflow.reminder.DeadlineWatch.Stage;

/**
 * What a task's {@link DeadlineWatch} does when it fires: at the due date, reminds whoever should do the task and
 * waits for the escalation date; then tells the coordinators. Reads the task as it is now: a task that has ended
 * is left alone, and a due date moved later is waited for.
 */
class DeadlineWatchJobHandler implements JobHandler<DeadlineWatch> {

  private final Supplier<TaskReminderService> reminders;

  DeadlineWatchJobHandler(Supplier<TaskReminderService> reminders) {
    this.reminders = reminders;
  }

  @Override
  public String getType() {
    return DeadlineWatch.JOB_TYPE;
  }

  @Override
  public void execute(DeadlineWatch watch, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
    TaskEntity task = commandContext.getTaskManager().findTaskById(watch.taskId());
    if (task == null || task.getDueDate() == null) {
      return;
    }
    TaskReminderService service = reminders.get();
    if (watch.stage() == Stage.ESCALATION) {
      service.escalate(task, CaseFile.caseReferenceOf(execution));
      return;
    }
    Date due = task.getDueDate();
    if (due.toInstant().isAfter(CaseClock.instant())) {
      DeadlineWatch.schedule(execution, watch, due); // the due date was moved later: nothing to send yet
      return;
    }
    service.remindOverdue(task, CaseFile.caseReferenceOf(execution));
    DeadlineWatch.schedule(execution, new DeadlineWatch(Stage.ESCALATION, task.getId()), service.escalationAfter(due));
  }

  @Override
  public DeadlineWatch newConfiguration(String canonicalString) {
    return DeadlineWatch.parse(canonicalString);
  }

  /**
   * A watch removed by anything but its task's end or its own run, e.g. a case migrated to a new version of its
   * process (the engine drops the timers it cannot map to the new model), is put back on the task once the command
   * is done, at the same stage: a task with a due date stays watched.
   */
  @Override
  public void onDelete(DeadlineWatch watch, JobEntity job) {
    CommandContext context = Context.getCommandContext();
    if (DeadlineWatch.isEnding() || job.equals(context.getCurrentJob())) {
      return;
    }
    Date stageDue = job.getDuedate();
    context.registerCommandContextListener(new CommandContextListener() {
      @Override
      public void onCommandContextClose(CommandContext closing) {
        // A task ended in this same command (its scope cancelled by an interrupting event, say) is still in the
        // command's cache, marked deleted, on an execution that is removed: it is not watched again.
        TaskEntity task = closing.getTaskManager().findTaskById(watch.taskId());
        if (task == null || task.isDeleted() || task.getDueDate() == null || task.getExecutionId() == null
            || task.getExecution().isRemoved() || task.getExecution().isEnded() || DeadlineWatch.of(task).isPresent()) {
          return;
        }
        DeadlineWatch.schedule(task.getExecution(), watch, watch.stage() == Stage.REMINDER ? task.getDueDate() : stageDue);
      }

      @Override
      public void onCommandFailed(CommandContext failed, Throwable cause) {
        // nothing was removed
      }
    });
  }
}
