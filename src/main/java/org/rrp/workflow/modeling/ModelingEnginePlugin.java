package org.rrp.workflow.modeling;

import java.util.ArrayList;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.rrp.workflow.casework.DecisionTableRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the deploy guard into the engine: every deployment, whatever its source, is completed and checked
 * ({@link GuardedDeployer}); deleting a deployment with cases is the administrator's alone
 * ({@link DeploymentDeletionGuard}); and once the engine is built, the release's models are deployed by the
 * release rule ({@link ReleaseDeployment}), in place of the starter's auto-deployment.
 */
@Component
class ModelingEnginePlugin extends AbstractProcessEnginePlugin {

  private final ApplicationVocabulary vocabulary;
  private final ReleaseDeployment release;
  private final ObjectProvider<DecisionTableRules> featureRules;

  ModelingEnginePlugin(ApplicationVocabulary vocabulary, ReleaseDeployment release,
      ObjectProvider<DecisionTableRules> featureRules) {
    this.vocabulary = vocabulary;
    this.release = release;
    this.featureRules = featureRules;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new GuardedDeployer(vocabulary, () -> featureRules.orderedStream().toList()));
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new DeploymentDeletionGuard());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    release.deploy(processEngine);
  }
}
