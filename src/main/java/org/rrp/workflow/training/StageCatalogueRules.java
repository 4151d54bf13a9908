package org.rrp.workflow.training;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rrp.workflow.casework.DecisionTableRules;
import org.springframework.stereotype.Component;

/**
 * The stage catalogue's rules, held at deployment: a {@code training-stages} table whose stages a journey could not
 * follow for some phase (a stage without an id, a name or a timescale, or offered twice) is refused when it is
 * deployed, rather than stopping every enrolment and every new training event once it is.
 */
@Component
class StageCatalogueRules implements DecisionTableRules {

  @Override
  public String decisionKey() {
    return StageCatalogue.DECISION;
  }

  @Override
  public List<Map<String, Object>> inputs() {
    return TrainingListeners.PHASES.stream().sorted()
        .map(phase -> Map.<String, Object>of(TrainingVariables.SETTING_PHASE, phase)).toList();
  }

  @Override
  public List<String> problems(List<List<Map<String, Object>>> answers) {
    Set<String> problems = new LinkedHashSet<>(); // a problem of the stages every phase takes is told once
    answers.forEach(rows -> problems.addAll(StageCatalogue.problems(StageCatalogue.read(rows))));
    return List.copyOf(problems);
  }
}
