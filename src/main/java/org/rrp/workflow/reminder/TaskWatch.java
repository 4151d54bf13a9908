package org.rrp.workflow.reminder;

import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.springframework.stereotype.Component;

/**
 * What the {@code task-deadline} model asks about the task it watches, e.g.
 * {@code ${taskWatch.state(taskId)}}. Reads the task as it is now, so a due date moved in Tasklist is honoured.
 */
@Component("taskWatch")
public class TaskWatch {

  static final String TASK_ID = "taskId";
  /** The due date the task was created with: the watch starts before the new task can be read back. */
  static final String TASK_DUE = "taskDue";

  public static final String ENDED = "ended";
  public static final String NOT_YET_DUE = "not-yet-due";
  public static final String OVERDUE = "overdue";

  private final TaskService taskService;
  private final Reminders reminders;

  TaskWatch(TaskService taskService, Reminders reminders) {
    this.taskService = taskService;
    this.reminders = reminders;
  }

  /**
   * When the task falls due: its due date now if it can be read (it may have been moved in Tasklist), else the
   * one it was created with; now, if it has neither (the watch then finds it ended).
   */
  public Date dueDate(String taskId, Date createdDue) {
    Task task = find(taskId);
    Date due = task != null ? task.getDueDate() : createdDue;
    return due == null ? Date.from(CaseClock.instant()) : due;
  }

  public String state(String taskId) {
    Task task = find(taskId);
    if (task == null || task.getDueDate() == null) {
      return ENDED;
    }
    return task.getDueDate().toInstant().isAfter(CaseClock.instant()) ? NOT_YET_DUE : OVERDUE;
  }

  public Date escalationDate(String taskId) {
    return reminders.escalationAfter(dueDate(taskId, null));
  }

  Task find(String taskId) {
    return WithoutAuthorization.call(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
  }
}
