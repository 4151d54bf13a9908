package org.rrp.workflow.modeling;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.rrp.workflow.casework.DecisionTableRules;

/**
 * A decision table's own test examples: one per rule, made from the rule's input entries (a value each entry
 * accepts: {@code "stafford"} gives "stafford", {@code > 18} gives 19, {@code [1..5]} gives 1, an empty entry a
 * plain value of the input's type). A table passes when it evaluates on every example, both the whole table and the
 * rule on its own, so that an error in any input or output entry (a FEEL mistake, a second match under the UNIQUE
 * hit policy) is found before the table is deployed rather than when the next case needs it.
 */
final class DecisionExamples {

  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)\\s*(-?\\d+(?:\\.\\d+)?)");
  private static final Pattern RANGE = Pattern.compile("([\\[\\]\\(])\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?)\\s*[\\]\\[\\)]");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final DmnEngine dmnEngine;

  DecisionExamples() {
    this(DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine());
  }

  DecisionExamples(DmnEngine dmnEngine) {
    this.dmnEngine = dmnEngine;
  }

  record Example(String ruleId, String ruleDescription, Map<String, Object> variables) {
  }

  /**
   * Every problem of the file's decision tables, one sentence each. A table that passes its examples is then evaluated
   * on what the features that read it need ({@link DecisionTableRules}), and the feature's sentences on its answers
   * are problems too, each naming the file.
   */
  List<String> problems(String fileName, byte[] dmn, Collection<DecisionTableRules> featureRules) {
    List<String> problems = new ArrayList<>();
    DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(dmn));
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (!(decision.getExpression() instanceof DecisionTable table)) {
        continue;
      }
      List<Example> examples = examples(table);
      DmnDecision whole;
      try {
        whole = dmnEngine.parseDecision(decision.getId(), new ByteArrayInputStream(dmn));
      } catch (RuntimeException e) {
        problems.add(fileName + ": decision '" + decision.getId() + "' cannot be read by the decision engine: open it"
            + " in Modeler, correct what it marks and save it again.");
        continue;
      }
      for (Example example : examples) {
        boolean fails = !evaluates(whole, example.variables())
            || !evaluates(singleRule(model, decision.getId(), example.ruleId()), example.variables());
        if (fails) {
          problems.add(fileName + ": decision '" + decision.getId() + "' fails on the example of rule '"
              + example.ruleId() + "' (a value each of its input entries accepts): correct the rule's entries in"
              + " Modeler, or the rules it overlaps under its hit policy.");
        }
      }
      if (problems.isEmpty()) {
        featureProblems(fileName, decision.getId(), whole, featureRules, problems);
      }
    }
    return problems;
  }

  private void featureProblems(String fileName, String decisionId, DmnDecision decision,
      Collection<DecisionTableRules> featureRules, List<String> problems) {
    for (DecisionTableRules rule : featureRules) {
      if (rule.decisionKey().equals(decisionId)) {
        List<List<Map<String, Object>>> answers = new ArrayList<>();
        rule.inputs().forEach(input -> answers.add(dmnEngine.evaluateDecisionTable(decision, input).getResultList()));
        rule.problems(answers).forEach(problem -> problems.add(fileName + ": decision '" + decisionId + "': " + problem));
      }
    }
  }

  static List<Example> examples(DecisionTable table) {
    List<Input> inputs = new ArrayList<>(table.getInputs());
    List<Example> examples = new ArrayList<>();
    for (Rule rule : table.getRules()) {
      Map<String, Object> variables = new LinkedHashMap<>();
      List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
      for (int i = 0; i < inputs.size() && i < entries.size(); i++) {
        Input input = inputs.get(i);
        String variable = input.getInputExpression() == null || input.getInputExpression().getText() == null ? null
            : input.getInputExpression().getText().getTextContent().trim();
        if (variable == null || !NAME.matcher(variable).matches()) {
          continue;
        }
        String typeRef = input.getInputExpression().getTypeRef();
        String allowed = input.getInputValues() == null || input.getInputValues().getText() == null ? null
            : input.getInputValues().getText().getTextContent();
        variables.put(variable, valueFor(entries.get(i).getTextContent().trim(), typeRef, allowed));
      }
      String description = rule.getDescription() == null ? null : rule.getDescription().getTextContent().trim();
      examples.add(new Example(rule.getId(), description, variables));
    }
    return examples;
  }

  static Object valueFor(String entry, String typeRef, String allowedValues) {
    String type = typeRef == null ? "string" : typeRef.toLowerCase();
    if (entry.isEmpty() || entry.equals("-")) {
      return plain(type, allowedValues, List.of());
    }
    if (entry.startsWith("not(")) {
      List<String> excluded = new ArrayList<>();
      Matcher quoted = QUOTED.matcher(entry);
      while (quoted.find()) {
        excluded.add(quoted.group(1));
      }
      return plain(type, allowedValues, excluded);
    }
    Matcher quoted = QUOTED.matcher(entry);
    if (quoted.lookingAt()) {
      return quoted.group(1);
    }
    if (entry.equals("true") || entry.equals("false")) {
      return Boolean.valueOf(entry);
    }
    Matcher comparison = COMPARISON.matcher(entry);
    if (comparison.matches()) {
      double bound = Double.parseDouble(comparison.group(2));
      double value = switch (comparison.group(1)) {
        case ">" -> bound + 1;
        case "<" -> bound - 1;
        default -> bound;
      };
      return number(type, value);
    }
    Matcher range = RANGE.matcher(entry);
    if (range.matches()) {
      double low = Double.parseDouble(range.group(2));
      return number(type, range.group(1).equals("[") ? low : low + 1);
    }
    if (NUMBER.matcher(entry).matches()) {
      return number(type, Double.parseDouble(entry));
    }
    return plain(type, allowedValues, List.of());
  }

  private static Object plain(String type, String allowedValues, List<String> excluded) {
    return switch (type) {
      case "integer", "long", "double" -> number(type, 0);
      case "boolean" -> Boolean.FALSE;
      case "date" -> null;
      default -> {
        if (allowedValues != null) {
          Matcher quoted = QUOTED.matcher(allowedValues);
          while (quoted.find()) {
            if (!excluded.contains(quoted.group(1))) {
              yield quoted.group(1);
            }
          }
        }
        yield "example";
      }
    };
  }

  private static Object number(String type, double value) {
    return switch (type) {
      case "integer" -> (int) value;
      case "long" -> (long) value;
      default -> value;
    };
  }

  private boolean evaluates(DmnDecision decision, Map<String, Object> variables) {
    try {
      dmnEngine.evaluateDecision(decision, variables);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private DmnDecision singleRule(DmnModelInstance original, String decisionId, String ruleId) {
    DmnModelInstance copy = original.clone();
    DecisionTable table = (DecisionTable) copy.<Decision>getModelElementById(decisionId).getExpression();
    for (Rule rule : new ArrayList<>(table.getRules())) {
      if (!rule.getId().equals(ruleId)) {
        table.removeChildElement(rule);
      }
    }
    byte[] xml = Dmn.convertToString(copy).getBytes(StandardCharsets.UTF_8);
    return dmnEngine.parseDecision(decisionId, new ByteArrayInputStream(xml));
  }
}
