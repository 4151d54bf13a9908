package org.rrp.workflow.modeling;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.DecisionTableRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a changed decision table would do, before it is deployed: its result on an example, and a replay over the
 * inputs of the real evaluations of the last year (the engine's decision history) counting how many outcomes would
 * change and which rows of the new table cause it. Changes nothing: the new table is evaluated by a DMN engine of
 * its own, outside the process engine and its history. Answers carry outcomes and rule ids, never a case's inputs.
 */
@Component
class DecisionPreview {

  static final int MAX_EVALUATIONS = 100_000;

  /** How the sent file is named in the check's sentences: the request's field that holds it. */
  static final String SENT_FILE = "dmn";

  private final HistoryService history;
  private final RepositoryService repository;
  private final DecisionTableCheck check;

  DecisionPreview(HistoryService history, RepositoryService repository, ObjectProvider<DecisionTableRules> featureRules) {
    this.history = history;
    this.repository = repository;
    this.check = new DecisionTableCheck(new DecisionExamples(), () -> featureRules.orderedStream().toList());
  }

  record Evaluation(List<String> rules, List<Map<String, Object>> outputs) {
  }

  record Change(List<String> fromRules, List<String> toRules, List<Map<String, Object>> before,
      List<Map<String, Object>> after, int count) {
  }

  record Replay(String decisionKey, Date since, int evaluations, int changed, int unchanged, List<Change> changes) {
  }

  Evaluation evaluate(String dmn, String decisionKey, Map<String, Object> example) {
    return evaluator(dmn, decisionKey).evaluate(example);
  }

  Replay replay(String dmn, String decisionKey, Duration over) {
    Evaluator evaluator = evaluator(dmn, decisionKey);
    Date since = Date.from(CaseClock.instant().minus(over));
    List<HistoricDecisionInstance> evaluations = history.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(evaluator.key).evaluatedAfter(since).includeInputs().includeOutputs()
        .orderByEvaluationTime().asc().listPage(0, MAX_EVALUATIONS);
    Map<String, Map<String, String>> variablesByClause = new HashMap<>();
    Map<List<Object>, Change> changes = new LinkedHashMap<>();
    int changed = 0;
    for (HistoricDecisionInstance evaluation : evaluations) {
      Map<String, String> clauses = variablesByClause.computeIfAbsent(evaluation.getDecisionDefinitionId(),
          this::inputVariablesOf);
      Map<String, Object> variables = new HashMap<>();
      for (HistoricDecisionInputInstance input : evaluation.getInputs()) {
        String variable = clauses.get(input.getClauseId());
        if (variable != null) {
          variables.put(variable, input.getValue());
        }
      }
      Evaluation before = recorded(evaluation);
      Evaluation after = evaluator.evaluate(variables);
      if (!Objects.equals(before.outputs(), after.outputs())) {
        changed++;
        List<Object> key = List.of(before.rules(), after.rules(), before.outputs(), after.outputs());
        Change known = changes.get(key);
        changes.put(key, new Change(before.rules(), after.rules(), before.outputs(), after.outputs(),
            known == null ? 1 : known.count() + 1));
      }
    }
    List<Change> sorted = new ArrayList<>(changes.values());
    sorted.sort((a, b) -> Integer.compare(b.count(), a.count()));
    return new Replay(evaluator.key, since, evaluations.size(), changed, evaluations.size() - changed, sorted);
  }

  /**
   * The sent table, once it has passed the same check as a deployed one (a table in JUEL or a script language is
   * never evaluated).
   */
  private Evaluator evaluator(String dmn, String decisionKey) {
    byte[] xml = dmn == null ? new byte[0] : dmn.getBytes(StandardCharsets.UTF_8);
    List<String> problems = check.problems(SENT_FILE, xml);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join(" ", DeploymentRefusedException.told(problems)));
    }
    return new Evaluator(xml, decisionKey);
  }

  /** The variable each input clause of a deployed version read (its input expression, when it names one). */
  private Map<String, String> inputVariablesOf(String decisionDefinitionId) {
    Map<String, String> variables = new HashMap<>();
    DmnModelInstance model = repository.getDmnModelInstance(decisionDefinitionId);
    for (Input input : model.getModelElementsByType(Input.class)) {
      if (input.getInputExpression() != null && input.getInputExpression().getText() != null) {
        variables.put(input.getId(), input.getInputExpression().getText().getTextContent().trim());
      }
    }
    return variables;
  }

  private static Evaluation recorded(HistoricDecisionInstance evaluation) {
    Map<String, Map<String, Object>> byRule = new TreeMap<>();
    Map<String, Integer> order = new HashMap<>();
    for (HistoricDecisionOutputInstance output : evaluation.getOutputs()) {
      byRule.computeIfAbsent(output.getRuleId(), rule -> new TreeMap<>()).put(output.getVariableName(), output.getValue());
      order.put(output.getRuleId(), output.getRuleOrder() == null ? 0 : output.getRuleOrder());
    }
    List<String> rules = new ArrayList<>(byRule.keySet());
    rules.sort((a, b) -> Integer.compare(order.get(a), order.get(b)));
    return new Evaluation(rules, rules.stream().map(byRule::get).toList());
  }

  /** The new table, parsed once, evaluated by an engine of its own that reports the rules that matched. */
  private static final class Evaluator {

    private final String key;
    private final DmnDecision decision;
    private final DmnEngine engine;
    private final List<DmnEvaluatedDecisionRule> matched = new ArrayList<>();

    Evaluator(byte[] xml, String decisionKey) {
      DmnModelInstance model;
      try {
        model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("The decision table is not readable DMN: send the .dmn file as saved by"
            + " Modeler.");
      }
      Decision chosen = model.getModelElementsByType(Decision.class).stream()
          .filter(candidate -> candidate.getExpression() instanceof DecisionTable)
          .filter(candidate -> decisionKey == null || decisionKey.isBlank() || decisionKey.equals(candidate.getId()))
          .findFirst().orElseThrow(() -> new IllegalArgumentException("The file has no decision table"
              + (decisionKey == null || decisionKey.isBlank() ? "" : " with the id given as decisionKey")
              + ": give the decisionKey of a table in the file."));
      key = chosen.getId();
      DefaultDmnEngineConfiguration configuration =
          (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      List<DmnDecisionTableEvaluationListener> listeners = new ArrayList<>();
      listeners.add((DmnDecisionTableEvaluationEvent event) -> matched.addAll(event.getMatchingRules()));
      configuration.customPostDecisionTableEvaluationListeners(listeners);
      engine = configuration.buildEngine();
      try {
        decision = engine.parseDecision(key, new ByteArrayInputStream(xml));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("Decision '" + key + "' cannot be read by the decision engine: open it in"
            + " Modeler, correct what it marks and save it again.");
      }
    }

    Evaluation evaluate(Map<String, Object> variables) {
      matched.clear();
      try {
        engine.evaluateDecision(decision, variables == null ? Map.of() : variables);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("Decision '" + key + "' fails to evaluate on these values: correct the"
            + " table in Modeler, or send values of the types its inputs expect.");
      }
      List<String> rules = matched.stream().map(DmnEvaluatedDecisionRule::getId).toList();
      List<Map<String, Object>> outputs = matched.stream().map(rule -> {
        Map<String, Object> values = new TreeMap<>();
        rule.getOutputEntries().forEach((name, output) -> values.put(output.getOutputName(),
            output.getValue() == null ? null : output.getValue().getValue()));
        return values;
      }).toList();
      return new Evaluation(rules, outputs);
    }
  }
}
