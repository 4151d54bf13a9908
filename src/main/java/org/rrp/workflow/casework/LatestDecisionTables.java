package org.rrp.workflow.casework;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/**
 * The latest deployed decision table of a key (without a tenant), read into what its user needs (a parsed decision,
 * the districts of the area table) once per deployed version: a deployed table never changes, so what was read from
 * it is kept by its definition's id, and a coordinator's redeployment is found by the next lookup. The lookups run
 * without the current user's authorizations: the application reads its own tables for a form's options or checks.
 */
final class LatestDecisionTables<T> {

  private final ProcessEngine engine;
  private final RepositoryService repositoryService;
  private final BiFunction<String, DmnModelInstance, T> read;
  private final Map<String, T> byDefinition = new ConcurrentHashMap<>();

  /** {@code read} turns the table's key and deployed model into what is kept. */
  LatestDecisionTables(ProcessEngine engine, BiFunction<String, DmnModelInstance, T> read) {
    this.engine = engine;
    this.repositoryService = engine.getRepositoryService();
    this.read = read;
  }

  /** What was read from the latest deployed table of the key; empty when none is deployed. */
  Optional<T> latest(String decisionKey) {
    DecisionDefinition latest = WithoutAuthorization.call(engine, () -> repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(decisionKey).latestVersion().withoutTenantId().singleResult());
    if (latest == null) {
      return Optional.empty();
    }
    // Read inside an engine command: parsing a table reads the engine's configuration from the command's context.
    return Optional.of(byDefinition.computeIfAbsent(latest.getId(), id -> WithoutAuthorization.call(engine,
        () -> read.apply(decisionKey, repositoryService.getDmnModelInstance(id)))));
  }
}
