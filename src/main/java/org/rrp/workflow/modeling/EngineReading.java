package org.rrp.workflow.modeling;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * What the engine itself would refuse of a deployment that passed the {@link DeploymentCheck}, found before its
 * deployers run: each BPMN file is parsed and each DMN file transformed by the engine's own parser and transformer,
 * with its settings (schema validation, history time-to-live enforced), and each failure becomes one plain sentence
 * naming the file and the element id or line the engine reports. The engine's own text is never repeated: it quotes
 * the file's values. Run inside the deploy command; nothing of it is kept.
 */
final class EngineReading {

  private static final String HISTORY_TIME_TO_LIVE = "history time to live";

  private final ProcessEngineConfigurationImpl configuration;
  private final DeploymentEntity deployment;

  EngineReading(ProcessEngineConfigurationImpl configuration, DeploymentEntity deployment) {
    this.configuration = configuration;
    this.deployment = deployment;
  }

  List<String> problems(Map<String, byte[]> resources) {
    List<String> problems = new ArrayList<>();
    resources.forEach((name, bytes) -> {
      if (ModelFiles.isBpmn(name)) {
        problems.addAll(bpmn(name, bytes));
      } else if (ModelFiles.isDmn(name)) {
        problems.addAll(dmn(name, bytes));
      }
    });
    return problems;
  }

  private List<String> bpmn(String name, byte[] bytes) {
    BpmnParse parse = bpmnParser().createParse().sourceInputStream(new ByteArrayInputStream(bytes))
        .deployment(deployment).name(name);
    if (!deployment.isValidatingSchema()) {
      parse.setSchemaResource(null);
    }
    try {
      parse.execute();
      return List.of();
    } catch (ParseException refused) {
      List<String> problems = new ArrayList<>();
      for (ResourceReport report : refused.getResorceReports()) {
        for (Problem problem : report.getErrors()) {
          problems.add(sentence(ModelFiles.fileName(report.getResourceName() == null ? name : report.getResourceName()),
              problem));
        }
      }
      if (problems.isEmpty()) {
        problems.add(ModelFiles.fileName(name) + ": the engine cannot read it as BPMN: open it in Modeler, correct what"
            + " it marks and save it again.");
      }
      return problems;
    }
  }

  /** The parser the engine's BPMN deployer uses, with its parse listeners. */
  private BpmnParser bpmnParser() {
    return configuration.getDeployers().stream().filter(BpmnDeployer.class::isInstance).map(BpmnDeployer.class::cast)
        .findFirst().orElseThrow(() -> new IllegalStateException("The engine has no BPMN deployer")).getBpmnParser();
  }

  private static String sentence(String file, Problem problem) {
    String element = problem.getMainElementId() != null ? problem.getMainElementId()
        : problem.getElementIds() == null || problem.getElementIds().isEmpty() ? null : problem.getElementIds().get(0);
    String where = file + ":" + (element == null ? "" : " element '" + element + "'")
        + (problem.getLine() > 0 ? (element == null ? "" : ",") + " line " + problem.getLine() : "");
    if (isHistoryTimeToLive(problem.getMessage())) {
      return where + " has no history time-to-live: set History cleanup → Time to live (730 days) in Modeler's"
          + " properties panel.";
    }
    return where + " is not valid BPMN as the engine reads it (a reference to an element that does not exist, or a"
        + " setting it does not accept): open it in Modeler, correct what it marks and save it again.";
  }

  private List<String> dmn(String name, byte[] bytes) {
    try {
      ((DefaultDmnEngineConfiguration) configuration.getDmnEngineConfiguration()).getTransformer().createTransform()
          .modelInstance(new ByteArrayInputStream(bytes)).transformDecisionRequirementsGraph();
      return List.of();
    } catch (RuntimeException refused) {
      String file = ModelFiles.fileName(name);
      for (Throwable cause = refused; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
        if (isHistoryTimeToLive(cause.getMessage())) {
          return List.of(file + ": a decision has no history time-to-live: set Time to live (730 days) on each"
              + " decision in Modeler's properties panel.");
        }
      }
      return List.of(file + ": the engine cannot read it as DMN: open it in Modeler, correct what it marks and save"
          + " it again.");
    }
  }

  private static boolean isHistoryTimeToLive(String message) {
    return message != null && message.toLowerCase(Locale.ROOT).contains(HISTORY_TIME_TO_LIVE);
  }
}
