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
    this(problems, "Please correct the form: " + String.join(" ", problems));
  }

  /** For refusals that are not a form's (e.g. a deployment's): the same 400 answer with another lead-in. */
  protected InvalidInputException(List<String> problems, String message) {
    super(problems, message);
    this.problems = List.copyOf(problems);
  }

  public List<String> getProblems() {
    return problems;
  }
}
