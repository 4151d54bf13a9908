package org.rrp.workflow.modeling;

import java.lang.reflect.Field;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.rrp.workflow.identity.RrpGroups;

/**
 * Only the administrator may delete a deployment that has running or finished cases (or decisions evaluated for
 * them): a deployment's owner, e.g. the coordinator who deployed it from Modeler, could otherwise cascade-delete
 * cases and their history. A deployment nothing ever ran on may still be deleted by whoever may delete it.
 */
final class DeploymentDeletionGuard extends CommandInterceptor {

  private static final Field DEPLOYMENT_ID = deploymentIdField();

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof DeleteDeploymentCmd delete) {
      CommandContext commandContext = Context.getCommandContext();
      var authentication = commandContext.getAuthentication();
      if (authentication != null && !isAdmin(authentication.getGroupIds())) {
        String deploymentId = deploymentId(delete);
        if (deploymentId != null && commandContext.runWithoutAuthorization(() -> hasCases(deploymentId))) {
          throw new AuthorizationException("Deployment " + deploymentId + " has running or finished cases: only the"
              + " administrator can delete it. To stop new cases starting on it, suspend its process definitions.");
        }
      }
    }
    return next.execute(command);
  }

  private static boolean isAdmin(List<String> groupIds) {
    return groupIds != null && groupIds.contains(RrpGroups.ADMINS);
  }

  private static boolean hasCases(String deploymentId) {
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    for (ProcessDefinition process : configuration.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(deploymentId).list()) {
      if (configuration.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionId(process.getId())
          .count() > 0
          || configuration.getRuntimeService().createProcessInstanceQuery().processDefinitionId(process.getId())
          .count() > 0) {
        return true;
      }
    }
    for (DecisionDefinition decision : configuration.getRepositoryService().createDecisionDefinitionQuery()
        .deploymentId(deploymentId).list()) {
      if (configuration.getHistoryService().createHistoricDecisionInstanceQuery()
          .decisionDefinitionId(decision.getId()).count() > 0) {
        return true;
      }
    }
    return false;
  }

  private static String deploymentId(DeleteDeploymentCmd command) {
    try {
      return (String) DEPLOYMENT_ID.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field deploymentIdField() {
    try {
      Field field = DeleteDeploymentCmd.class.getDeclaredField("deploymentId");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda's DeleteDeploymentCmd no longer has a deploymentId field", e);
    }
  }
}
