package org.rrp.workflow.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models and forms bundled in the jar at start-up by the {@link ReleaseRule}, in place of the
 * starter's auto-deployment (which redeploys every bundled file whenever one changed, undoing coordinators' work).
 * Runs under the engine's deployment lock, so nodes starting together deploy a release once.
 */
@Component
class ReleaseDeployment {

  static final String NAME = "rrp-release";
  static final String SOURCE = "rrp-release";
  /** Deployments made by the starter's auto-deployment before this rule: the release's own too. */
  static final String STARTER_DEPLOYMENT = "SpringAutoDeployment";

  private static final Logger LOG = LoggerFactory.getLogger(ReleaseDeployment.class);
  /** Set while this class makes its deployment: only then may a deployment carry the release's name or source. */
  private static final ThreadLocal<Boolean> DEPLOYING = ThreadLocal.withInitial(() -> false);

  private final ResourcePatternResolver resources;
  private final List<String> patterns;
  private final Set<String> supersede;

  ReleaseDeployment(ResourcePatternResolver resources,
      @Value("${camunda.bpm.deployment-resource-pattern:classpath*:processes/**/*.bpmn}") List<String> patterns,
      @Value("${rrp.release.supersede:}") List<String> supersede) {
    this.resources = resources;
    this.patterns = patterns;
    Set<String> names = new HashSet<>();
    supersede.stream().map(String::trim).filter(name -> !name.isEmpty()).forEach(names::add);
    this.supersede = names;
  }

  /** Whether the deployment being made on this thread is the release's own. */
  static boolean isDeploying() {
    return DEPLOYING.get();
  }

  void deploy(ProcessEngine engine) {
    deploy(engine, bundledFiles());
  }

  /** Deploys what the rule says of these bundled files; returns the names deployed. */
  List<String> deploy(ProcessEngine engine, Map<String, byte[]> bundled) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(commandContext -> commandContext.runWithoutAuthorization(() -> {
      commandContext.getPropertyManager().acquireExclusiveLock();
      List<ReleaseRule.Bundled> files = describe(commandContext, bundled);
      Map<String, ReleaseRule.Deployed> latest = latest(commandContext, files);
      ReleaseRule.Plan plan = new ReleaseRule(supersede).plan(files, latest);
      plan.warnings().forEach(LOG::warn);
      if (plan.deploy().isEmpty()) {
        LOG.info("The release's models and forms are all deployed: nothing new to deploy");
        return List.<String>of();
      }
      DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name(NAME).source(SOURCE);
      List<String> names = new ArrayList<>();
      for (ReleaseRule.Bundled file : withProcessesOfChangedForms(plan, files, latest)) {
        deployment.addInputStream(file.name(), new java.io.ByteArrayInputStream(file.bytes()));
        names.add(file.name());
      }
      DEPLOYING.set(true);
      try {
        deployment.deploy();
      } finally {
        DEPLOYING.remove();
      }
      LOG.info("The release deployed {}", names);
      return names;
    }));
  }

  /** A changed form of the release comes with the release's processes that use it (when they are the latest). */
  private static List<ReleaseRule.Bundled> withProcessesOfChangedForms(ReleaseRule.Plan plan,
      List<ReleaseRule.Bundled> bundled, Map<String, ReleaseRule.Deployed> latest) {
    Map<String, ReleaseRule.Bundled> files = new LinkedHashMap<>();
    plan.deploy().forEach(file -> files.put(file.name(), file));
    Set<String> changedForms = new HashSet<>();
    plan.deploy().stream().filter(file -> ModelFiles.isForm(file.name()))
        .forEach(file -> ModelFiles.formId(file.bytes()).ifPresent(changedForms::add));
    if (changedForms.isEmpty()) {
      return List.copyOf(files.values());
    }
    for (ReleaseRule.Bundled file : bundled) {
      boolean usesChangedForm = ModelFiles.isBpmn(file.name())
          && ModelFiles.formsBoundToDeployment(file.bytes()).stream().anyMatch(changedForms::contains);
      boolean releaseOwned = file.keys().stream().allMatch(key -> latest.get(key) == null || latest.get(key).release());
      if (usesChangedForm && releaseOwned) {
        files.putIfAbsent(file.name(), file);
      } else if (usesChangedForm) {
        LOG.warn("The coordinators' version of {} keeps the form version it was deployed with: redeploy it from Modeler"
            + " to take the release's new form", file.keys());
      }
    }
    return List.copyOf(files.values());
  }

  private List<ReleaseRule.Bundled> describe(CommandContext commandContext, Map<String, byte[]> bundled) {
    Map<String, ResourceEntity> released = new HashMap<>(commandContext.getResourceManager()
        .findLatestResourcesByDeploymentName(NAME, bundled.keySet(), SOURCE, null));
    List<ReleaseRule.Bundled> files = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : bundled.entrySet()) {
      ResourceEntity last = released.get(file.getKey());
      files.add(new ReleaseRule.Bundled(file.getKey(), file.getValue(), keys(file.getKey(), file.getValue()),
          last == null ? null : last.getBytes()));
    }
    return files;
  }

  private Map<String, ReleaseRule.Deployed> latest(CommandContext commandContext, List<ReleaseRule.Bundled> bundled) {
    RepositoryService repository = commandContext.getProcessEngineConfiguration().getRepositoryService();
    Map<String, ReleaseRule.Deployed> latest = new HashMap<>();
    for (ReleaseRule.Bundled file : bundled) {
      for (String key : file.keys()) {
        String plain = ReleaseRule.plainKey(key);
        ResourceDefinition definition = switch (key.substring(0, key.indexOf(':'))) {
          case "process" -> repository.createProcessDefinitionQuery().processDefinitionKey(plain).latestVersion().singleResult();
          case "decision" -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(plain).latestVersion().singleResult();
          default -> commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(plain);
        };
        if (definition != null) {
          var deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
          ResourceEntity resource = commandContext.getResourceManager()
              .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
          boolean release = STARTER_DEPLOYMENT.equals(deployment.getName())
              || NAME.equals(deployment.getName()) && SOURCE.equals(deployment.getSource());
          latest.put(key, new ReleaseRule.Deployed(plain, definition.getVersion(), release,
              deployment.getDeploymentTime(), deployment.getSource(), resource == null ? null : resource.getBytes()));
        }
      }
    }
    return latest;
  }

  static List<String> keys(String name, byte[] bytes) {
    if (ModelFiles.isBpmn(name)) {
      return ModelFiles.processIds(bytes).stream().map(id -> "process:" + id).toList();
    }
    if (ModelFiles.isDmn(name)) {
      return ModelFiles.decisionIds(bytes).stream().map(id -> "decision:" + id).toList();
    }
    if (ModelFiles.isForm(name)) {
      return ModelFiles.formId(bytes).map(id -> List.of("form:" + id)).orElse(List.of());
    }
    return List.of();
  }

  /** The bundled files, named by their folder and file name (processes/referral.bpmn), the same from jar or IDE. */
  Map<String, byte[]> bundledFiles() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try {
      for (String pattern : patterns) {
        for (Resource resource : resources.getResources(pattern.trim())) {
          String url = resource.getURL().toString();
          String[] parts = url.split("/");
          String name = parts.length < 2 ? resource.getFilename() : parts[parts.length - 2] + "/" + parts[parts.length - 1];
          try (InputStream in = resource.getInputStream()) {
            files.put(name, in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
