package org.rrp.workflow.reminder;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rrp.workflow.casework.CaseFile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the {@code task-deadline} watch. */
@Configuration(proxyBeanMethods = false)
class ReminderDelegates {

  @Bean
  JavaDelegate remindOfOverdueTaskDelegate(TaskReminderService reminders) {
    return execution -> reminders.remindOverdue((String) execution.getVariable(TaskWatch.TASK_ID),
        CaseFile.of(execution).caseReference());
  }

  @Bean
  JavaDelegate escalateOverdueTaskDelegate(TaskReminderService reminders) {
    return execution -> reminders.escalate((String) execution.getVariable(TaskWatch.TASK_ID),
        CaseFile.of(execution).caseReference());
  }
}
