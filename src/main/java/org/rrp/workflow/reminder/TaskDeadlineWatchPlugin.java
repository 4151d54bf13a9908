package org.rrp.workflow.reminder;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.rrp.workflow.casework.CaseFile;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.springframework.stereotype.Component;

import java.util.ArrayList;

/**
 * Watches the due date of every user task of every process, present and future, without a line in any model:
 * when a task with a due date is created, a {@code task-deadline} instance (business key = the task id) starts
 * to watch it; when the task is completed or deleted, the watch is told by the message {@value #TASK_ENDED}.
 */
@Component
class TaskDeadlineWatchPlugin extends AbstractProcessEnginePlugin {

  static final String WATCH_PROCESS = "task-deadline";
  static final String TASK_ENDED = "TaskEnded";

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
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, TaskDeadlineWatchPlugin::stopWatching);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, TaskDeadlineWatchPlugin::stopWatching);
      }
    });
  }

  static void startWatching(DelegateTask task) {
    if (task.getDueDate() == null || task.getProcessInstanceId() == null) {
      return;
    }
    WithoutAuthorization.run(() -> task.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(WATCH_PROCESS, task.getId(), Variables.createVariables()
            .putValue(TaskWatch.TASK_ID, task.getId())
            .putValue(TaskWatch.TASK_DUE, task.getDueDate())
            .putValue(CaseVariables.CASE_REFERENCE, CaseFile.of(task).caseReference())));
  }

  static void stopWatching(DelegateTask task) {
    if (task.getDueDate() == null || task.getProcessInstanceId() == null) {
      return;
    }
    WithoutAuthorization.run(() -> task.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(TASK_ENDED).processInstanceBusinessKey(task.getId()).correlateAll());
  }
}
