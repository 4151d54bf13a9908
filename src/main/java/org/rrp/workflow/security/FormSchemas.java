package org.rrp.workflow.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.springframework.stereotype.Component;

/**
 * Finds the deployed Camunda Form of a task or of a process definition's start event, whoever asks: the answer only
 * narrows what a submission may carry, the engine still decides whether the person may submit at all.
 *
 * <p>A form bound to its process's deployment ({@code camunda:formRefBinding="deployment"}, as every model here
 * binds its forms) is the same for as long as that deployment exists, so it is read and parsed once a deployment and
 * form, not at every submission (the form's definition, its deployment and its resource: three queries saved each
 * time). A form bound to its latest or to a given version is read each time.
 */
@Component
class FormSchemas {

  private static final String DEPLOYMENT_BINDING = "deployment";

  /** Forms a node keeps, each of one deployment: far more than are ever in use at once. */
  private static final int KEPT = 256;

  private final ProcessEngine engine;
  private final Map<String, FormSchema> bound = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, FormSchema> eldest) {
      return size() > KEPT;
    }
  });

  FormSchemas(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The task's form ({@link FormSchema#NONE} when it has none); empty when there is no such task. */
  Optional<FormSchema> ofTask(String taskId) {
    return privileged(commandContext -> {
      if (commandContext.getTaskManager().findTaskById(taskId) == null) {
        return Optional.<FormSchema>empty();
      }
      return Optional.of(schemaOf(engine.getFormService().getTaskFormData(taskId),
          () -> engine.getFormService().getDeployedTaskForm(taskId)));
    });
  }

  /** The start form of the definition (by id, or the latest of a key), empty when there is no such definition. */
  Optional<FormSchema> ofStart(String definitionId, String key, String tenantId) {
    return privileged(commandContext -> {
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
      return Optional.of(schemaOf(engine.getFormService().getStartFormData(definition.getId()),
          () -> engine.getFormService().getDeployedStartForm(definition.getId())));
    });
  }

  /** The form the data names: kept once read when it is bound to the deployment, else read now. */
  private FormSchema schemaOf(FormData data, Supplier<InputStream> deployed) {
    if (!hasDeployedForm(data)) {
      return FormSchema.NONE;
    }
    CamundaFormRef reference = data.getCamundaFormRef();
    String key = reference != null && DEPLOYMENT_BINDING.equals(reference.getBinding()) && data.getDeploymentId() != null
        ? data.getDeploymentId() + "/" + reference.getKey() : null;
    FormSchema kept = key == null ? null : bound.get(key);
    if (kept != null) {
      return kept;
    }
    try {
      FormSchema schema = FormSchema.parse(read(deployed.get()));
      if (key != null) {
        bound.put(key, schema);
      }
      return schema;
    } catch (ProcessEngineException | IllegalArgumentException noDeployedForm) {
      return FormSchema.NONE;
    }
  }

  /**
   * Whether the task or start event names a deployed form at all. Asked first because the engine's "no deployed
   * form" failure, even when caught, would leave the shared transaction marked for rollback (a 500 for a model
   * without forms).
   */
  private static boolean hasDeployedForm(FormData data) {
    return data != null && (data.getCamundaFormRef() != null
        || (data.getFormKey() != null && !data.getFormKey().isBlank()));
  }

  private <T> T privileged(Command<T> work) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(commandContext -> WithoutAuthorization.call(() -> work.execute(commandContext)));
  }

  private static String read(InputStream form) {
    try (form) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
