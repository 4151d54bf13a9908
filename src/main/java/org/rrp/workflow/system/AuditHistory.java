package org.rrp.workflow.system;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.springframework.stereotype.Component;

/**
 * The engine's history as the audit needs it, without the process's copies of every value it sets.
 *
 * <p>At history level full the engine writes a row to the detail log each time a variable is set, with the value
 * (a JSON value as a byte array besides), on top of the variable's historic instance, which keeps its latest value.
 * Here that row is written for what people set, and not for what the process sets on its own:
 * <ul>
 * <li>the process's own work runs as nobody (the job executor: save points, timers, reminders, and everything the
 * process does after them): its values keep their latest value only, as the variables' historic instances;
 * <li>text set while a form is submitted is not written again as a value set: the form's own text fields are in the
 * detail log already, as the form's fields (the engine writes a row for each text field a form submits, with the
 * task or the start form), and text the process sets in the same step is the process's own;
 * <li>everything else a person's command sets is written: a form's other fields (ticks, numbers, lists), which the
 * form's rows leave out, and whatever the administrator sets outside a form.
 * </ul>
 * Everything else is written as the engine writes it: every task with its assignee, the operation log, every
 * decision's inputs and outputs, the job log, incidents.
 *
 * <p>The history level stays {@code full}, so Cockpit, the REST API and the history cleanup see what they always
 * saw. A restart of a closed case (an administrator's batch) takes the variables it ended with; asked for its
 * initial variables instead, it finds only those the start form set that are not text.
 */
@Component
class AuditHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers().add(new Writer());
  }

  /** The engine's own database writer of history, less the detail rows that copy what is kept elsewhere. */
  static final class Writer extends DbHistoryEventHandler {

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return super.shouldWriteHistoricDetail(event) && setByAPerson() && !textOfAForm(event);
    }

    /** A command some person called; the job executor runs the process's own work as nobody. */
    private static boolean setByAPerson() {
      return Context.getCommandContext().getAuthenticatedUserId() != null;
    }

    /** Text set while a form is submitted: the form's field in the detail log holds it. */
    private static boolean textOfAForm(HistoricVariableUpdateEventEntity event) {
      CommandInvocationContext invocation = Context.getCommandInvocationContext();
      Command<?> command = invocation == null ? null : invocation.getCommand();
      return (command instanceof SubmitTaskFormCmd || command instanceof SubmitStartFormCmd)
          && TEXT.equals(event.getSerializerName());
    }

    private static final String TEXT = ValueType.STRING.getName();
  }
}
