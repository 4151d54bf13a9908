package org.rrp.workflow.modeling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.form.deployer.CamundaFormDefinitionDeployer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reading the files of a deployment: what kind of file the engine takes each one for, XML safely (no DTDs, no
 * external entities), an element's text as the engine reads it, forms' ids and field keys.
 */
final class ModelFiles {

  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelFiles() {
  }

  /*
   * A resource's kind is decided as the engine's deployers decide it: by the end of its whole name, with or without a
   * dot before it (a file named "p_bpmn" is parsed as BPMN), case as it is. Their own suffix lists are used, so an
   * engine upgrade that adds one is followed here.
   */

  static boolean isBpmn(String resourceName) {
    return endsWithAny(resourceName, BpmnDeployer.BPMN_RESOURCE_SUFFIXES);
  }

  static boolean isDmn(String resourceName) {
    return endsWithAny(resourceName, DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES);
  }

  static boolean isForm(String resourceName) {
    return endsWithAny(resourceName, CamundaFormDefinitionDeployer.FORM_RESOURCE_SUFFIXES);
  }

  private static boolean endsWithAny(String resourceName, String[] suffixes) {
    return Arrays.stream(suffixes).anyMatch(resourceName::endsWith);
  }

  /**
   * The element's own text as the engine's parser reads it: every text and CDATA part between its start and end
   * tags joined (comments and child elements dropped), so that "$<!-- -->{...}" is read as the expression it is.
   */
  static String text(Element element) {
    StringBuilder text = new StringBuilder();
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  /** Where an unreadable file is wrong, as a clause ("at line 3"), never the parser's text (which quotes the file). */
  static String whereUnreadable(Exception failure) {
    if (failure instanceof SAXParseException parse && parse.getLineNumber() > 0) {
      return " at line " + parse.getLineNumber();
    }
    return failure instanceof NestedTooDeep ? " (it is nested deeper than " + MAX_DEPTH + " elements)" : "";
  }

  /** A file nested deeper than {@link #MAX_DEPTH}: read, but not to be walked. */
  static final class NestedTooDeep extends SAXException {
    NestedTooDeep() {
      super("nested deeper than " + MAX_DEPTH + " elements");
    }
  }

  /** Visits the element and every element under it, in document order (files are at most {@link #MAX_DEPTH} deep). */
  static void walk(Element element, java.util.function.Consumer<Element> visitor) {
    visitor.accept(element);
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        walk(childElement, visitor);
      }
    }
  }

  static String fileName(String resourceName) {
    String name = resourceName.replace('\\', '/');
    return name.substring(name.lastIndexOf('/') + 1);
  }

  static Document xml(byte[] bytes) throws IOException, SAXException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      Document document = builder.parse(new ByteArrayInputStream(bytes));
      if (depth(document.getDocumentElement()) > MAX_DEPTH) {
        throw new NestedTooDeep();
      }
      return document;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The deepest nesting a model file may have: Modeler's deepest is a few levels of subprocesses, each a handful of
   * elements deep. The checks walk a file's tree, which a file nested tens of thousands deep would overflow.
   */
  static final int MAX_DEPTH = 200;

  /** How deep the tree under the element goes (the element itself is 1), counted without recursion. */
  private static int depth(Element root) {
    int deepest = 0;
    java.util.Deque<Object[]> open = new java.util.ArrayDeque<>();
    open.push(new Object[] {root, 1});
    while (!open.isEmpty()) {
      Object[] next = open.pop();
      int depth = (Integer) next[1];
      deepest = Math.max(deepest, depth);
      if (deepest > MAX_DEPTH) {
        return deepest;
      }
      for (org.w3c.dom.Node child = ((Element) next[0]).getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element element) {
          open.push(new Object[] {element, depth + 1});
        }
      }
    }
    return deepest;
  }

  static List<Element> elements(Document document, String namespace, String localName) {
    NodeList nodes = document.getElementsByTagNameNS(namespace, localName);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  /** The ids of the processes a BPMN file defines. */
  static List<String> processIds(byte[] bpmn) {
    try {
      return elements(xml(bpmn), BPMN_NS, "process").stream().map(process -> process.getAttribute("id")).toList();
    } catch (IOException | SAXException e) {
      return List.of();
    }
  }

  /**
   * The ids of the decisions a DMN file defines, in the namespace of any DMN version. Read as plain XML,
   * not through the DMN model API: a start that has nothing to deploy should not load and validate its schemas.
   */
  static List<String> decisionIds(byte[] dmn) {
    try {
      Element definitions = xml(dmn).getDocumentElement();
      if (!isDmnNamespace(definitions.getNamespaceURI()) || !"definitions".equals(definitions.getLocalName())) {
        return List.of();
      }
      List<String> ids = new ArrayList<>();
      NodeList children = definitions.getChildNodes();
      for (int i = 0; i < children.getLength(); i++) {
        if (children.item(i) instanceof Element child && "decision".equals(child.getLocalName())
            && definitions.getNamespaceURI().equals(child.getNamespaceURI())) {
          ids.add(child.getAttribute("id"));
        }
      }
      return ids;
    } catch (IOException | SAXException e) {
      return List.of();
    }
  }

  private static boolean isDmnNamespace(String namespace) {
    return namespace != null && namespace.matches("https?://www\\.omg\\.org/spec/DMN/.+");
  }

  /** The form ids a BPMN file references with {@code formRefBinding="deployment"}. */
  static Set<String> formsBoundToDeployment(byte[] bpmn) {
    Set<String> forms = new LinkedHashSet<>();
    try {
      Document document = xml(bpmn);
      for (String kind : List.of("userTask", "startEvent")) {
        for (Element element : elements(document, BPMN_NS, kind)) {
          String formRef = element.getAttributeNS(CAMUNDA_NS, "formRef");
          if (!formRef.isBlank() && "deployment".equals(element.getAttributeNS(CAMUNDA_NS, "formRefBinding"))) {
            forms.add(formRef.trim());
          }
        }
      }
    } catch (IOException | SAXException e) {
      // unreadable: the deployment check reports it
    }
    return forms;
  }

  static Optional<JsonNode> form(byte[] bytes) {
    try {
      JsonNode form = JSON.readTree(bytes);
      return form != null && form.hasNonNull("id") ? Optional.of(form) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static Optional<String> formId(byte[] bytes) {
    return form(bytes).map(form -> form.get("id").asText());
  }

  /** The variable names a form's fields write (their keys), at any depth. */
  static Set<String> formKeys(JsonNode form) {
    Set<String> keys = new LinkedHashSet<>();
    form.findValues("key").forEach(key -> {
      if (key.isTextual()) {
        keys.add(key.asText());
      }
    });
    form.findValues("path").forEach(path -> {
      if (path.isTextual()) {
        keys.add(path.asText());
      }
    });
    return keys;
  }
}
