package org.rrp.workflow.modeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Every way a BPMN element can make the engine run code or load something of the deployer's choosing, other than an
 * expression (which {@link ExpressionCheck} reads): a Java class, a script, an external worker, a connector, a shell or
 * mail task, a generated form with its own validators, an embedded or external form page. The engine reads its
 * extension attributes whether they are written with the camunda: prefix or, on Camunda's own extension elements,
 * without one ({@code <camunda:executionListener class="...">}, as Modeler writes them); and it reads the legacy
 * activiti namespace as if it were Camunda's. So the attributes are read by their local name whatever their prefix,
 * and anything in the activiti namespace is refused outright. A plain class: one element at a time.
 */
final class CodeInModel {

  static final String ACTIVITI_NS = "http://activiti.org/bpmn";

  /** Attributes naming a Java class the engine loads and runs. */
  private static final Set<String> JAVA_CLASS = Set.of("class", "variableMappingClass", "formHandlerClass");
  /** Attributes that hand the work to something outside the model: external task, shell or mail task, a file. */
  private static final Set<String> ELSEWHERE = Set.of("type", "topic", "resource");
  /** Camunda's extension elements for generated task forms, whose fields can name validator classes. */
  private static final Set<String> GENERATED_FORMS = Set.of("formData", "formField", "formProperty");

  private CodeInModel() {
  }

  /** The problems of one element, each a sentence starting with {@code where}. */
  static List<String> problems(String where, Element element) {
    List<String> problems = new ArrayList<>();
    String name = element.getLocalName();
    String namespace = element.getNamespaceURI();
    boolean camundaElement = ModelFiles.CAMUNDA_NS.equals(namespace);
    if (ACTIVITI_NS.equals(namespace)) {
      problems.add(where + " has an element in the old activiti namespace: save the model from Camunda Modeler, which"
          + " writes camunda: settings only.");
    }
    if ("scriptTask".equals(name) || "script".equals(name)) {
      problems.add(where + " runs a script: scripts are not allowed, use a service task from an element template.");
    }
    if (camundaElement && "connector".equals(name)) {
      problems.add(where + " uses a connector: use a service task from an element template.");
    }
    if (camundaElement && GENERATED_FORMS.contains(name)) {
      problems.add(where + " defines a generated form (camunda:" + name + "): give the task a Camunda Form with"
          + " camunda:formRef (binding deployment) instead.");
      return problems; // its own settings (a field's type, a validator) are the form's, refused with it
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      attribute(where, camundaElement, (Attr) attributes.item(i), problems);
    }
    return problems;
  }

  private static void attribute(String where, boolean camundaElement, Attr attribute, List<String> problems) {
    String namespace = attribute.getNamespaceURI();
    String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    if (ACTIVITI_NS.equals(namespace)) {
      problems.add(where + " sets an attribute in the old activiti namespace (activiti:" + name + "): save the model"
          + " from Camunda Modeler, which writes camunda: settings only.");
      return;
    }
    if ("scriptFormat".equals(name)) {
      problems.add(where + " has a script: scripts are not allowed, use a service task from an element template.");
    }
    boolean camundaAttribute = ModelFiles.CAMUNDA_NS.equals(namespace);
    boolean unqualified = namespace == null;
    if (!camundaAttribute && !unqualified) {
      return; // diagram interchange, xsi:type and the like: not settings the engine runs
    }
    // the engine reads an extension element's settings unprefixed, and a BPMN element's with the camunda: prefix
    boolean setting = camundaAttribute || camundaElement;
    String written = camundaAttribute ? "camunda:" + name : name;
    if (setting && JAVA_CLASS.contains(name)) {
      problems.add(where + " names a Java class (" + written + "): call a project delegate with"
          + " camunda:delegateExpression (use an element template) instead.");
    }
    if (setting && ELSEWHERE.contains(name)) {
      problems.add(where + " sets " + written + " (an external worker, a shell or mail task, or a file to load):"
          + " use a service task from an element template instead.");
    }
    if ("language".equals(name) && unqualified) {
      problems.add(where + " has a condition in a script language: write the condition as an expression such as"
          + " ${service == 'advice-and-guidance'}, with no language.");
    }
    if (setting && "formKey".equals(name)) {
      problems.add(where + " sets camunda:formKey (an embedded or external form page): give it a Camunda Form with"
          + " camunda:formRef (binding deployment) instead.");
    }
  }
}
