package org.rrp.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** A decision table from {@code processes/<id>.dmn}, evaluated by a plain DMN engine (no process engine). */
public final class DecisionTable {

  private static final DmnEngine DMN_ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final DmnDecision decision;

  private DecisionTable(DmnDecision decision) {
    this.decision = decision;
  }

  public static DecisionTable parse(String decisionId) {
    try (InputStream model = Files.newInputStream(Path.of("processes", decisionId + ".dmn"))) {
      return new DecisionTable(DMN_ENGINE.parseDecision(decisionId, model));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public DmnDecisionTableResult evaluate(Map<String, Object> variables) {
    return DMN_ENGINE.evaluateDecisionTable(decision, variables);
  }
}
