package org.rrp.workflow.casework;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A form or REST submission that does not hold. Thrown from listeners inside the engine's transaction, so the
 * whole command rolls back: no process is started, no task is completed, no variable is written. It is the
 * engine's form validation exception, which the REST API answers with 400 Bad Request.
 */
public class InvalidInputException extends FormFieldValidationException {

  private final List<String> problems;

  public InvalidInputException(List<String> problems) {
    super(problems, "Please correct the form: " + String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> getProblems() {
    return problems;
  }
}
