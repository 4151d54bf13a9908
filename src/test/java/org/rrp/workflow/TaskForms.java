package org.rrp.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.rrp.workflow.casework.InvalidInputException;

/** Submitting task forms as Tasklist does, and what must hold when the server refuses one. */
public final class TaskForms {

  private TaskForms() {
  }

  /**
   * Submits the form and expects the server to refuse it with the problem named; the task stays open and no
   * submitted value is kept (each variable is as it was before).
   */
  public static void assertRejected(ProcessEngine engine, Task task, Map<String, Object> submitted, String problem) {
    Map<String, String> before = new HashMap<>();
    submitted.keySet().forEach(name -> before.put(name, valueOf(engine, task, name)));

    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task.getId(), Variables.fromMap(submitted)))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(rootMessage(e)).contains(problem));

    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isEqualTo(1);
    before.forEach((name, value) -> assertThat(valueOf(engine, task, name))
        .as("nothing of the refused form is kept: " + name).isEqualTo(value));
  }

  /** A variable's value as text, so that JSON values compare by content. */
  private static String valueOf(ProcessEngine engine, Task task, String name) {
    return String.valueOf(engine.getRuntimeService().getVariable(task.getExecutionId(), name));
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
