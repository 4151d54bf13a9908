package org.rrp.workflow.casework;

import java.util.List;
import java.util.Map;

/**
 * What a feature needs of its own decision table beyond its being valid DMN: the answers it must give. The deployment
 * check evaluates a table deployed under {@link #decisionKey()} (from Camunda Modeler, or in the release) on each of
 * {@link #inputs()} and refuses the deployment with the sentences {@link #problems} returns, so that a table that
 * would stop the feature the next time it is read is refused when it is deployed, not found then. A Spring bean per
 * table; it must not need the process engine.
 */
public interface DecisionTableRules {

  /** The decision's id, as the models and the feature name it. */
  String decisionKey();

  /** The inputs the table is evaluated on: those the feature asks it. */
  List<Map<String, Object>> inputs();

  /**
   * The problems of the table's answers, one plain sentence each, saying what to correct; empty when they are sound.
   *
   * @param answers the rows the table answered, one list per input, in the order of {@link #inputs()}
   */
  List<String> problems(List<List<Map<String, Object>>> answers);
}
