package org.rrp.workflow.modeling;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.rrp.workflow.casework.DecisionTableRules;
import org.rrp.workflow.identity.RrpGroups;

/**
 * Runs inside every deploy command, before the engine parses the files: completes the deployment's forms
 * ({@link FormCompletion}), then refuses it, with everything rolled back, if it poses as the release or names a
 * tenant, if the {@link DeploymentCheck} finds a problem, or else if the engine's own parser would refuse it
 * ({@link EngineReading}). Deployments the engine merely reloads into its cache (not new) are left alone.
 */
final class GuardedDeployer implements Deployer {

  private static final List<String> ROLE_GROUPS = List.of(RrpGroups.REFERRERS, RrpGroups.COORDINATORS,
      RrpGroups.ADVISORS, RrpGroups.MANAGERS, RrpGroups.ADMINS);

  private final ApplicationVocabulary vocabulary;
  private final DecisionTableCheck decisionTables;

  GuardedDeployer(ApplicationVocabulary vocabulary, Supplier<List<DecisionTableRules>> featureRules) {
    this.vocabulary = vocabulary;
    this.decisionTables = new DecisionTableCheck(new DecisionExamples(), featureRules);
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
      List<String> problems = new ArrayList<>(origin(deployment));
      problems.addAll(new DeploymentCheck(vocabulary.vocabulary(), decisionTables)
          .problems(completion.files(), lookups(commandContext)));
      if (problems.isEmpty()) {
        problems.addAll(new EngineReading(commandContext.getProcessEngineConfiguration(), deployment)
            .problems(completion.files()));
      }
      if (!problems.isEmpty()) {
        throw new DeploymentRefusedException(problems);
      }
      return null;
    });
  }

  /**
   * Who may make the deployment: the release's name and source mark the release's own deployments (the release rule
   * trusts them), so only {@link ReleaseDeployment} may use them; and the application uses no tenants.
   */
  private static List<String> origin(DeploymentEntity deployment) {
    List<String> problems = new ArrayList<>();
    boolean posesAsRelease = ReleaseDeployment.NAME.equals(deployment.getName())
        || ReleaseDeployment.SOURCE.equals(deployment.getSource());
    if (posesAsRelease && !ReleaseDeployment.isDeploying()) {
      problems.add("The deployment's name or source is the release's own (" + ReleaseDeployment.NAME + "), which only"
          + " the application's release may use: deploy under another name and source.");
    }
    if (deployment.getTenantId() != null) {
      problems.add("The deployment names a tenant (tenant-id), but this application uses no tenants: deploy without"
          + " one.");
    }
    return problems;
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
