package org.rrp.workflow.reminder;

import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.rrp.workflow.reminder.DeadlineWatch.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Earlier releases watched each task with a small {@code task-deadline} process instance. At start-up, each one
 * still running becomes the task's {@link DeadlineWatch} timer at the same stage and date, and the instance is
 * deleted, one transaction each: nothing is reminded twice (the emails' once-only record still holds) and none is
 * lost. Where two nodes start together, the one that loses the race for an instance leaves it to the other.
 */
final class LegacyDeadlineWatches {

  static final String PROCESS = "task-deadline";
  static final String WAITING_FOR_ESCALATION = "Event_EscalationDue";
  /** The variable each such instance kept its task's id in. */
  static final String TASK_ID = "taskId";

  private static final Logger LOG = LoggerFactory.getLogger(LegacyDeadlineWatches.class);

  private LegacyDeadlineWatches() {
  }

  static int convert(ProcessEngine engine) {
    List<ProcessInstance> watches = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PROCESS).list();
    int converted = 0;
    for (ProcessInstance watch : watches) {
      try {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
            .execute(context -> context.runWithoutAuthorization(() -> convert(engine, context, watch.getId())));
        converted++;
      } catch (OptimisticLockingException takenByAnotherNode) {
        LOG.info("A task-deadline instance was converted by another node");
      }
    }
    if (converted > 0) {
      LOG.info("{} task-deadline instances of an earlier release became deadline timers", converted);
    }
    return converted;
  }

  private static Void convert(ProcessEngine engine, CommandContext context, String watchId) {
    String taskId = (String) engine.getRuntimeService().getVariable(watchId, TASK_ID);
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task != null && task.getDueDate() != null && task.getExecutionId() != null && DeadlineWatch.of(task).isEmpty()) {
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(task.getExecutionId());
      // waiting for its escalation: the same date; waiting for the due date, or between steps: the due date's stage
      Job escalation = timerAt(engine, watchId, WAITING_FOR_ESCALATION);
      DeadlineWatch.schedule(execution, escalation != null ? new DeadlineWatch(Stage.ESCALATION, taskId)
          : new DeadlineWatch(Stage.REMINDER, taskId), escalation != null ? escalation.getDuedate() : task.getDueDate());
    }
    engine.getRuntimeService().deleteProcessInstance(watchId, "replaced by the task's deadline timer", true, true);
    return null;
  }

  private static Job timerAt(ProcessEngine engine, String watchId, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(watchId).activityId(activityId).timers()
        .singleResult();
  }

}
