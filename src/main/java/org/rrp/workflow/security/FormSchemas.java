package org.rrp.workflow.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.springframework.stereotype.Component;

/**
 * Finds the deployed Camunda Form of a task or of a process definition's start event, whoever asks: the answer only
 * narrows what a submission may carry, the engine still decides whether the person may submit at all.
 */
@Component
class FormSchemas {

  private final ProcessEngine engine;

  FormSchemas(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The task's form ({@link FormSchema#NONE} when it has none); empty when there is no such task. */
  Optional<FormSchema> ofTask(String taskId) {
    return privileged(() -> {
      if (engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0) {
        return Optional.<FormSchema>empty();
      }
      if (!hasDeployedForm(engine.getFormService().getTaskFormData(taskId))) {
        return Optional.of(FormSchema.NONE);
      }
      try {
        return Optional.of(FormSchema.parse(read(engine.getFormService().getDeployedTaskForm(taskId))));
      } catch (ProcessEngineException | IllegalArgumentException noDeployedForm) {
        return Optional.of(FormSchema.NONE);
      }
    });
  }

  /** The start form of the definition (by id, or the latest of a key), empty when there is no such definition. */
  Optional<FormSchema> ofStart(String definitionId, String key, String tenantId) {
    return privileged(() -> {
      ProcessDefinition definition;
      if (definitionId != null) {
        definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult();
      } else {
        ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion();
        definition = (tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId)).singleResult();
      }
      if (definition == null) {
        return Optional.<FormSchema>empty();
      }
      if (!hasDeployedForm(engine.getFormService().getStartFormData(definition.getId()))) {
        return Optional.of(FormSchema.NONE);
      }
      try {
        return Optional.of(FormSchema.parse(read(engine.getFormService().getDeployedStartForm(definition.getId()))));
      } catch (ProcessEngineException | IllegalArgumentException noDeployedForm) {
        return Optional.of(FormSchema.NONE);
      }
    });
  }

  /**
   * Whether the task or start event names a deployed form at all. Asked first because the engine's "no deployed
   * form" failure, even when caught, would leave the shared transaction marked for rollback (a 500 for a model
   * without forms).
   */
  private static boolean hasDeployedForm(org.camunda.bpm.engine.form.FormData data) {
    return data != null && (data.getCamundaFormRef() != null
        || (data.getFormKey() != null && !data.getFormKey().isBlank()));
  }

  private <T> T privileged(Callable<T> work) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(commandContext -> WithoutAuthorization.call(work));
  }

  private static String read(InputStream form) {
    try (form) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
