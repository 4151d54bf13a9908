package org.rrp.workflow.modeling;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.rrp.workflow.casework.DecisionTableRules;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The check of a decision table file, the same wherever a table is read: deployed (part of the
 * {@link DeploymentCheck}) or previewed ({@link DecisionPreview}). The file must be DMN; every expression in it must
 * be FEEL (an input, input entry, output entry or literal expression in JUEL or a script language runs code, so
 * the expression language may be set, on any element, only to FEEL); and each table must evaluate on its own
 * {@link DecisionExamples}. Only then is the table handed to a DMN engine. A plain class.
 */
final class DecisionTableCheck {

  private static final String DMN_NS_PREFIX = "https://www.omg.org/spec/DMN/";
  private static final String DMN_OLD_NS_PREFIX = "http://www.omg.org/spec/DMN/";
  private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401",
      "https://www.omg.org/spec/dmn/20191111/feel/", "http://camunda.org/feel");

  private final DecisionExamples decisionExamples;
  private final Supplier<List<DecisionTableRules>> featureRules;

  DecisionTableCheck(DecisionExamples decisionExamples) {
    this(decisionExamples, List::of);
  }

  /** With what the features need of their own tables, asked for at each check (the features' beans come later). */
  DecisionTableCheck(DecisionExamples decisionExamples, Supplier<List<DecisionTableRules>> featureRules) {
    this.decisionExamples = decisionExamples;
    this.featureRules = featureRules;
  }

  /** Every problem of the file, each a sentence starting with its name; empty when it may be evaluated. */
  List<String> problems(String file, byte[] bytes) {
    List<String> problems = new ArrayList<>();
    try {
      Document document = ModelFiles.xml(bytes);
      String namespace = document.getDocumentElement().getNamespaceURI();
      if (namespace == null || !(namespace.startsWith(DMN_NS_PREFIX) || namespace.startsWith(DMN_OLD_NS_PREFIX))) {
        problems.add(file + ": is not a DMN decision (its root is not a DMN definitions element): save it from Modeler.");
        return problems;
      }
      ModelFiles.walk(document.getDocumentElement(), element -> check(element, file, problems));
    } catch (IOException | SAXException e) {
      problems.add(file + ": is not readable DMN XML" + ModelFiles.whereUnreadable(e)
          + ": open it in Modeler and save it again.");
      return problems;
    }
    if (problems.isEmpty()) {
      try {
        problems.addAll(decisionExamples.problems(file, bytes, featureRules.get()));
      } catch (RuntimeException e) {
        problems.add(file + ": cannot be read as a decision: open it in Modeler, correct what it marks and save it"
            + " again.");
      }
    }
    return problems;
  }

  /** FEEL's string literals, whose words are text, not FEEL. */
  private static final Pattern STRING_LITERAL = Pattern.compile("\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"");
  /**
   * What lets a FEEL expression run on without bound: a loop or quantifier over a range or list it makes itself
   * ({@code for i in 1..200000 return i}), a function it defines (which may call itself), and the text functions that
   * take a regular expression (which can backtrack for ever). A table here compares its inputs with values, lists and
   * ranges, and computes its outputs from them, and needs none of these.
   */
  private static final Pattern UNBOUNDED = Pattern.compile(
      "\\b(?:for|some|every)\\b.*\\bin\\b|\\bfunction\\s*\\(|\\b(?:matches|replace|split)\\s*\\(", Pattern.DOTALL);

  private static void check(Element element, String file, List<String> problems) {
    if ("text".equals(element.getLocalName())
        && UNBOUNDED.matcher(STRING_LITERAL.matcher(ModelFiles.text(element)).replaceAll("\"\"")).find()) {
      problems.add(file + ": " + where(element) + " uses a FEEL loop (for, some, every), a function definition or a"
          + " text pattern (matches, replace, split), which can run without end: compare the inputs with values,"
          + " lists and ranges instead.");
    }
    for (int i = 0; i < element.getAttributes().getLength(); i++) {
      var attribute = element.getAttributes().item(i);
      String name = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
      String language = attribute.getNodeValue().trim().toLowerCase();
      if ("expressionLanguage".equals(name) && !language.isEmpty() && !FEEL.contains(language)) {
        problems.add(file + ": " + where(element) + " sets an expression language other than FEEL: decision tables"
            + " use FEEL only, clear the expression language in Modeler.");
      }
    }
  }

  /** The element by its kind and id, or its nearest ancestor that has an id. */
  private static String where(Element element) {
    for (Element current = element; current != null;
        current = current.getParentNode() instanceof Element parent ? parent : null) {
      if (!current.getAttribute("id").isBlank()) {
        String what = current.getLocalName() + " '" + current.getAttribute("id") + "'";
        return current == element ? what : element.getLocalName() + " of " + what;
      }
    }
    return element.getLocalName();
  }
}
