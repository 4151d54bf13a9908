package org.rrp.workflow.system;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * Failed-job incidents, looked for only where one can be. The engine looks for a job's incident each time it deletes
 * the job once it has run: one query a job, thirteen a case and one a reminder, almost always finding none. The
 * engine makes a failed-job incident when a job's retries reach 0, and resolves it when they are set above 0 again,
 * before they change; so a job that still has retries has no such incident, and for it the query is skipped. Every
 * other step (making an incident when a job's retries run out, resolving it when they are given back, a job deleted
 * with none left) is the engine's own handler's.
 */
@Component
class FailedJobIncidents extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomIncidentHandlers() == null) {
      configuration.setCustomIncidentHandlers(new ArrayList<>());
    }
    configuration.getCustomIncidentHandlers().add(new Handler());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!(configuration.getIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE) instanceof Handler)) {
      throw new IllegalStateException("The failed-job incident handler was not installed");
    }
  }

  /** The engine's handler of failed-job incidents, without the search for one on a job that has retries left. */
  static final class Handler implements IncidentHandler {
    private final DefaultIncidentHandler engine = new DefaultIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE);

    @Override
    public String getIncidentHandlerType() {
      return Incident.FAILED_JOB_HANDLER_TYPE;
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
      return engine.handleIncident(context, message);
    }

    @Override
    public void resolveIncident(IncidentContext context) {
      if (mayHaveOne(context)) {
        engine.resolveIncident(context);
      }
    }

    @Override
    public void deleteIncident(IncidentContext context) {
      if (mayHaveOne(context)) {
        engine.deleteIncident(context);
      }
    }

    /** Unless the command holds the job, with retries left, there may be an incident to find. */
    private static boolean mayHaveOne(IncidentContext context) {
      CommandContext command = Context.getCommandContext();
      if (command == null || context.getConfiguration() == null) {
        return true;
      }
      JobEntity job = command.getDbEntityManager().getCachedEntity(JobEntity.class, context.getConfiguration());
      return job == null || job.getRetries() <= 0;
    }
  }
}
