package org.rrp.workflow.modeling;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceTypes;

/**
 * The rule that keeps forms resolving after any deploy Camunda Modeler can make. Models bind their forms to
 * their own deployment ({@code camunda:formRefBinding="deployment"}), so every case keeps its version's forms;
 * a deployment is completed before it is parsed:
 * <ol>
 * <li><b>a changed form</b> brings along the latest version of every process that uses it (unless the deployment
 * brings that process itself), so new cases use the new form; cases in flight keep theirs;</li>
 * <li><b>a process</b> whose deployment lacks a form it uses (Modeler's deploy-changed-only leaves unchanged forms
 * out) gets the latest deployed version of that form added to its deployment.</li>
 * </ol>
 * The release (start-up) deployment brings its own processes with its changed forms, so rule 1 is not applied to it.
 */
final class FormCompletion {

  private final CommandContext commandContext;
  private final DeploymentEntity deployment;

  FormCompletion(CommandContext commandContext, DeploymentEntity deployment) {
    this.commandContext = commandContext;
    this.deployment = deployment;
  }

  /** Rule 1. */
  void bringProcessesUsingChangedForms() {
    Set<String> changedForms = formsInDeployment();
    if (changedForms.isEmpty()) {
      return;
    }
    Set<String> processesInDeployment = processesInDeployment();
    List<ProcessDefinition> latest = commandContext.getProcessEngineConfiguration().getRepositoryService()
        .createProcessDefinitionQuery().latestVersion().list();
    for (ProcessDefinition process : latest) {
      if (processesInDeployment.contains(process.getKey())) {
        continue;
      }
      ResourceEntity model = commandContext.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(process.getDeploymentId(), process.getResourceName());
      if (model == null) {
        continue;
      }
      Set<String> uses = ModelFiles.formsBoundToDeployment(model.getBytes());
      if (uses.stream().anyMatch(changedForms::contains)) {
        add(process.getResourceName(), model.getBytes());
        processesInDeployment.add(process.getKey());
      }
    }
  }

  /** Rule 2. */
  void addMissingForms() {
    Set<String> present = formsInDeployment();
    Set<String> needed = new HashSet<>();
    for (ResourceEntity resource : List.copyOf(deployment.getResources().values())) {
      if (ModelFiles.isBpmn(resource.getName())) {
        needed.addAll(ModelFiles.formsBoundToDeployment(resource.getBytes()));
      }
    }
    needed.removeAll(present);
    for (String formId : needed) {
      CamundaFormDefinitionEntity latest = commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId);
      if (latest == null) {
        continue; // the deployment check reports the missing form
      }
      ResourceEntity form = commandContext.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(latest.getDeploymentId(), latest.getResourceName());
      if (form != null) {
        add(latest.getResourceName(), form.getBytes());
      }
    }
  }

  /** The deployment's files as the check reads them. */
  Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    deployment.getResources().values().forEach(resource -> files.put(resource.getName(), resource.getBytes()));
    return files;
  }

  private Set<String> formsInDeployment() {
    Set<String> forms = new HashSet<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (ModelFiles.isForm(resource.getName())) {
        ModelFiles.formId(resource.getBytes()).ifPresent(forms::add);
      }
    }
    return forms;
  }

  private Set<String> processesInDeployment() {
    Set<String> processes = new HashSet<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (ModelFiles.isBpmn(resource.getName())) {
        processes.addAll(ModelFiles.processIds(resource.getBytes()));
      }
    }
    return processes;
  }

  /** Adds a file to the deployment being made, as the deploy command adds the files it was sent. */
  private void add(String name, byte[] bytes) {
    String resourceName = name;
    for (int i = 2; deployment.getResources().containsKey(resourceName); i++) {
      resourceName = "carried-" + i + "/" + name;
    }
    ResourceEntity resource = new ResourceEntity();
    resource.setName(resourceName);
    resource.setBytes(bytes);
    resource.setDeploymentId(deployment.getId());
    resource.setType(ResourceTypes.REPOSITORY.getValue());
    resource.setCreateTime(ClockUtil.getCurrentTime());
    commandContext.getResourceManager().insertResource(resource);
    deployment.addResource(resource);
  }
}
