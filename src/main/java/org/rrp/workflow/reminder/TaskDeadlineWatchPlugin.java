package org.rrp.workflow.reminder;

import java.util.ArrayList;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.rrp.workflow.reminder.DeadlineWatch.Stage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Watches the due date of every user task of every process, present and future, without a line in any model:
 * when a task with a due date is created, its {@link DeadlineWatch} timer is scheduled for that date; a due date
 * moved, set or cleared in Tasklist moves, adds or removes it; when the task is completed or deleted (a case
 * cancelled in Cockpit included), the timer goes with it. When it fires, {@link DeadlineWatchJobHandler} reminds,
 * then escalates.
 */
@Component
class TaskDeadlineWatchPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<TaskReminderService> reminders;

  TaskDeadlineWatchPlugin(ObjectProvider<TaskReminderService> reminders) {
    this.reminders = reminders;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskDeadlineWatchPlugin::startWatching);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, TaskDeadlineWatchPlugin::followDueDate);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, TaskDeadlineWatchPlugin::stopWatching);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, TaskDeadlineWatchPlugin::stopWatching);
      }
    });
    if (configuration.getCustomJobHandlers() == null) {
      configuration.setCustomJobHandlers(new ArrayList<>());
    }
    configuration.getCustomJobHandlers().add(new DeadlineWatchJobHandler(reminders::getObject));
    FailedJobCommandFactory engineRetries = configuration.getFailedJobCommandFactory();
    configuration.setFailedJobCommandFactory((jobId, exception) -> engineRetries == null
        ? new DeadlineWatchRetryCmd(jobId, exception)
        : DeadlineWatchRetryCmd.orEngine(jobId, exception, engineRetries));
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    LegacyDeadlineWatches.convert(processEngine);
  }

  static void startWatching(DelegateTask task) {
    if (task.getDueDate() != null && task.getExecutionId() != null) {
      DeadlineWatch.schedule(task, Stage.REMINDER, task.getDueDate());
    }
  }

  /**
   * A due date moved in Tasklist moves the reminder (earlier or later); one set adds a watch, one cleared removes
   * it. Once the reminder is out, the escalation keeps its date, as it was promised to the coordinators.
   */
  static void followDueDate(DelegateTask task) {
    if (task.getExecutionId() == null || !(task instanceof TaskEntity entity)
        || !entity.getPropertyChanges().containsKey(TaskEntity.DUE_DATE)) {
      return;
    }
    Date due = task.getDueDate();
    Optional<JobEntity> watch = DeadlineWatch.of(task);
    if (watch.isEmpty()) {
      // A due date given to a task that had none (or whose watch has ended: what was sent is not sent again).
      startWatching(task);
      return;
    }
    JobEntity timer = watch.get();
    if (DeadlineWatch.parse(timer.getJobHandlerConfigurationRaw()).stage() != Stage.REMINDER) {
      return;
    }
    if (due == null) {
      DeadlineWatch.end(timer);
    } else if (!due.equals(timer.getDuedate())) {
      timer.setDuedate(due);
    }
  }

  static void stopWatching(DelegateTask task) {
    if (task.getExecutionId() != null) {
      DeadlineWatch.of(task).ifPresent(DeadlineWatch::end);
    }
  }
}
