package org.rrp.workflow.modeling;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.xml.sax.SAXException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The check every deployment passes before anything of it goes live, whoever sends it (Camunda Modeler, Cockpit,
 * the REST API, the release at start-up). Each problem is one sentence naming the file, the element and the fix.
 * A plain class: what it needs to know of the engine (groups, forms already deployed) comes through {@link Lookups}.
 */
final class DeploymentCheck {

  /** What the check asks of the running system. */
  interface Lookups {
    boolean groupExists(String groupId);

    boolean formDeployed(String formId);
  }

  private final ModelVocabulary vocabulary;
  private final DecisionTableCheck decisionTables;

  DeploymentCheck(ModelVocabulary vocabulary, DecisionTableCheck decisionTables) {
    this.vocabulary = vocabulary;
    this.decisionTables = decisionTables;
  }

  List<String> problems(Map<String, byte[]> resources, Lookups lookups) {
    List<String> problems = new ArrayList<>();
    Set<String> formsInDeployment = new HashSet<>();
    Set<String> declaredVariables = new HashSet<>();
    Map<String, Document> bpmn = new LinkedHashMap<>();
    Map<String, JsonNode> forms = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
      String file = ModelFiles.fileName(resource.getKey());
      if (ModelFiles.isForm(resource.getKey())) {
        JsonNode form = ModelFiles.form(resource.getValue()).orElse(null);
        if (form == null) {
          problems.add(file + ": is not a Camunda Form (JSON with an \"id\"): save it again from Modeler's form editor.");
        } else {
          formsInDeployment.add(form.get("id").asText());
          declaredVariables.addAll(ModelFiles.formKeys(form));
          problems.addAll(FormContent.problems(file, form));
          forms.put(file, form);
        }
      } else if (ModelFiles.isBpmn(resource.getKey())) {
        try {
          Document document = ModelFiles.xml(resource.getValue());
          bpmn.put(file, document);
          declaredVariables.addAll(declaredIn(document));
        } catch (IOException | SAXException e) {
          problems.add(file + ": is not readable BPMN XML" + ModelFiles.whereUnreadable(e)
              + ": open it in Modeler and save it again.");
        }
      } else if (ModelFiles.isDmn(resource.getKey())) {
        problems.addAll(decisionTables.problems(file, resource.getValue()));
      } else {
        problems.add(file + ": is not a BPMN diagram, DMN table or Camunda Form: deploy only .bpmn, .dmn and .form"
            + " files (a page or script served to Tasklist is not allowed).");
      }
    }
    Set<String> typed = new HashSet<>(FormTexts.released());
    typed.addAll(FormTexts.typedVariables(forms.values()));
    forms.forEach((file, form) -> problems.addAll(FormTexts.problems(file, form, typed)));
    ExpressionCheck expressions = new ExpressionCheck(vocabulary.withVariables(declaredVariables));
    for (Map.Entry<String, Document> model : bpmn.entrySet()) {
      problems.addAll(bpmn(model.getKey(), model.getValue(), expressions, formsInDeployment, lookups));
    }
    return problems;
  }

  private List<String> bpmn(String file, Document document, ExpressionCheck expressions, Set<String> formsInDeployment,
      Lookups lookups) {
    List<String> problems = new ArrayList<>();
    ModelFiles.walk(document.getDocumentElement(), element -> {
      String where = file + ": " + describe(element);
      String name = element.getLocalName();
      problems.addAll(CodeInModel.problems(where, element));
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        expression(where + " in " + attribute.getName(), attribute.getValue(), expressions, problems);
      }
      expression(where + " in the text of " + name, ModelFiles.text(element), expressions, problems);
      if (ModelFiles.BPMN_NS.equals(element.getNamespaceURI())) {
        if ("userTask".equals(name)) {
          userTask(where, element, lookups, problems);
        }
        if ("userTask".equals(name) || "startEvent".equals(name)) {
          form(where, element, formsInDeployment, lookups, problems);
        }
      }
    });
    return problems;
  }

  private static void userTask(String where, Element task, Lookups lookups, List<String> problems) {
    if (task.getAttributeNS(ModelFiles.CAMUNDA_NS, "dueDate").isBlank()) {
      problems.add(where + " has no due date: set camunda:dueDate, e.g. ${deadlines.due('triage')}.");
    }
    for (String group : task.getAttributeNS(ModelFiles.CAMUNDA_NS, "candidateGroups").split(",")) {
      String groupId = group.trim();
      if (!groupId.isEmpty() && !ExpressionCheck.HAS_EXPRESSION.matcher(groupId).find() && !lookups.groupExists(groupId)) {
        problems.add(where + " names a candidate group (camunda:candidateGroups) that does not exist: use a group"
            + " from Admin (e.g. rrp-coordinators) or ${area}.");
      }
    }
  }

  private static void form(String where, Element element, Set<String> formsInDeployment, Lookups lookups,
      List<String> problems) {
    String formRef = element.getAttributeNS(ModelFiles.CAMUNDA_NS, "formRef").trim();
    if (formRef.isEmpty()) {
      return;
    }
    String binding = element.getAttributeNS(ModelFiles.CAMUNDA_NS, "formRefBinding");
    if ("deployment".equals(binding)) {
      if (!formsInDeployment.contains(formRef)) {
        problems.add(where + " uses a form (camunda:formRef) that is neither in this deployment nor deployed"
            + " before: deploy the form's .form file (in forms/) with the model.");
      }
    } else if (!formsInDeployment.contains(formRef) && !lookups.formDeployed(formRef)) {
      problems.add(where + " uses a form (camunda:formRef) that is not deployed: deploy the form first.");
    }
  }

  private static void expression(String where, String text, ExpressionCheck expressions, List<String> problems) {
    if (text == null || !ExpressionCheck.HAS_EXPRESSION.matcher(text).find()) {
      return;
    }
    for (String problem : expressions.problems(text.trim())) {
      problems.add(where + ": the expression " + problem + ".");
    }
  }

  /** Names a model declares as variables itself: output mappings, called-process mappings, loop elements. */
  private static Set<String> declaredIn(Document document) {
    Set<String> names = new HashSet<>();
    ModelFiles.walk(document.getDocumentElement(), element -> {
      if (ModelFiles.CAMUNDA_NS.equals(element.getNamespaceURI())) {
        switch (element.getLocalName()) {
          case "outputParameter", "inputParameter" -> names.add(element.getAttribute("name"));
          case "in", "out" -> names.add(element.getAttribute("target"));
          default -> { }
        }
      }
      for (String attribute : List.of("elementVariable", "initiator", "resultVariable", "collection")) {
        String value = element.getAttributeNS(ModelFiles.CAMUNDA_NS, attribute);
        if (!value.isBlank() && !ExpressionCheck.HAS_EXPRESSION.matcher(value).find()) {
          names.add(value.trim());
        }
      }
    });
    names.remove("");
    return names;
  }

  private static String describe(Element element) {
    Element current = element;
    while (current != null && (current.getAttribute("id").isBlank() || current.getLocalName().endsWith("EventDefinition"))) {
      current = current.getParentNode() instanceof Element parent ? parent : null;
    }
    if (current == null) {
      return element.getLocalName();
    }
    return current.getLocalName() + " '" + current.getAttribute("id") + "'";
  }
}
