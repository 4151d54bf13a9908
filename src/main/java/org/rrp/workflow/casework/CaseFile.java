package org.rrp.workflow.casework;

import static org.rrp.workflow.casework.CaseVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * Typed access to a case's own variables ({@link CaseVariables}) in any process that works the case: a delegate,
 * listener or task check reads {@code CaseFile.of(execution).caseReference()} rather than casting raw variables.
 */
public final class CaseFile {

  private final VariableScope scope;

  private CaseFile(VariableScope scope) {
    this.scope = scope;
  }

  public static CaseFile of(VariableScope scope) {
    return new CaseFile(scope);
  }

  public String caseReference() {
    return text(CASE_REFERENCE);
  }

  /**
   * The case reference of the execution's process instance, read as one row, inside an engine command: for engine
   * code that needs nothing else of the case, e.g. a job (asking the execution for one variable loads all of its
   * variables, dozens of rows for a case). Null when the process instance has none.
   */
  public static String caseReferenceOf(ExecutionEntity execution) {
    return Context.getCommandContext().getVariableInstanceManager()
        .findVariableInstancesByExecutionIdAndVariableNames(execution.getProcessInstanceId(), List.of(CASE_REFERENCE))
        .stream().map(VariableInstanceEntity::getValue).filter(value -> value != null).map(Object::toString)
        .findFirst().orElse(null);
  }

  public String service() {
    return text(SERVICE);
  }

  public String area() {
    return text(AREA);
  }

  public String advisorId() {
    return text(ADVISOR_ID);
  }

  public String referrerEmail() {
    return text(REFERRER_EMAIL);
  }

  public String outcome() {
    return text(CASE_OUTCOME);
  }

  public String signposting() {
    return text(SIGNPOSTING);
  }

  public String stopReason() {
    return text(STOP_REASON);
  }

  /** Whether the case was stopped early (see {@link CaseStop}). */
  public boolean isStopped() {
    return flag(CASE_STOPPED);
  }

  public List<Action> actionPlan() {
    return JsonVariables.readList(scope.getVariable(ACTION_PLAN), Action.class);
  }

  public void allocateTo(String advisorId) {
    scope.setVariable(ADVISOR_ID, advisorId);
  }

  public void recordActionPlan(List<Action> plan) {
    scope.setVariable(ACTION_PLAN, JsonVariables.json(plan));
  }

  void recordStopped() {
    scope.setVariable(CASE_STOPPED, true);
  }

  /** A variable as text (null when missing): for the variables a feature names itself. */
  public String text(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  /**
   * A yes-or-no the server keeps (true only when it is true). A checkbox of the form being submitted is read with
   * {@link FormInput#ticked}, which refuses a value that is not a yes or no.
   */
  public boolean flag(String name) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }

  public <T> List<T> list(String name, Class<T> type) {
    return JsonVariables.readList(scope.getVariable(name), type);
  }
}
