package org.rrp.workflow.modeling;

import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.rrp.workflow.identity.RrpGroups;

/**
 * Runs inside every deploy command, before the engine parses the files: completes the deployment's forms
 * ({@link FormCompletion}), then refuses it, with everything rolled back, if the {@link DeploymentCheck} finds a
 * problem. Deployments the engine merely reloads into its cache (not new) are left alone.
 */
final class GuardedDeployer implements Deployer {

  private static final List<String> ROLE_GROUPS = List.of(RrpGroups.REFERRERS, RrpGroups.COORDINATORS,
      RrpGroups.ADVISORS, RrpGroups.MANAGERS, RrpGroups.ADMINS);

  private final ApplicationVocabulary vocabulary;
  private final DecisionTableCheck decisionTables = new DecisionTableCheck(new DecisionExamples());

  GuardedDeployer(ApplicationVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    CommandContext commandContext = Context.getCommandContext();
    commandContext.runWithoutAuthorization(() -> {
      FormCompletion completion = new FormCompletion(commandContext, deployment);
      if (!ReleaseDeployment.SOURCE.equals(deployment.getSource())) {
        completion.bringProcessesUsingChangedForms();
      }
      completion.addMissingForms();
      List<String> problems = new DeploymentCheck(vocabulary.vocabulary(), decisionTables)
          .problems(completion.files(), lookups(commandContext));
      if (!problems.isEmpty()) {
        throw new DeploymentRefusedException(problems);
      }
      return null;
    });
  }

  private static DeploymentCheck.Lookups lookups(CommandContext commandContext) {
    return new DeploymentCheck.Lookups() {
      @Override
      public boolean groupExists(String groupId) {
        return ROLE_GROUPS.contains(groupId) || commandContext.getProcessEngineConfiguration().getIdentityService()
            .createGroupQuery().groupId(groupId).count() > 0;
      }

      @Override
      public boolean formDeployed(String formId) {
        return commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId) != null;
      }
    };
  }
}
