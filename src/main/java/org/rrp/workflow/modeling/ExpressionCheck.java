package org.rrp.workflow.modeling;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Whether one expression of a model keeps to the allowed set: it may read variables of the case (and plain
 * properties of them), name a project delegate or listener bean, call a project helper bean's own public methods,
 * read a decision's result, and use a few read-only properties of {@code execution} and {@code task}. Anything else,
 * an engine service, a method called on a variable, {@code execution.processEngineServices}, a computed property
 * name, is refused. A plain class: it knows the vocabulary, not the engine.
 */
final class ExpressionCheck {

  static final Pattern HAS_EXPRESSION = Pattern.compile("[$#]\\{");

  /** Names the engine itself provides to expressions. */
  private static final Set<String> ENGINE_VARIABLES = Set.of("execution", "task", "decisionResult", "loopCounter",
      "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");
  private static final Set<String> EXECUTION_PROPERTIES = Set.of("id", "processBusinessKey", "businessKey",
      "processInstanceId", "processDefinitionId", "currentActivityId", "currentActivityName", "activityInstanceId",
      "eventName", "parentId", "tenantId");
  private static final Set<String> TASK_PROPERTIES = Set.of("id", "name", "assignee", "owner", "dueDate",
      "followUpDate", "createTime", "priority", "eventName", "taskDefinitionKey", "processInstanceId", "executionId",
      "processDefinitionId", "tenantId", "description");
  private static final Set<String> DECISION_RESULT_METHODS = Set.of("getSingleResult", "getFirstResult",
      "getResultList", "getSingleEntry", "getFirstEntry", "collectEntries", "getEntry", "get", "size", "isEmpty",
      "containsKey");
  private static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");
  /** Properties that lead from data to the engine or the JVM, whatever object they are read from. */
  private static final Pattern FORBIDDEN_PROPERTY = Pattern.compile(
      "class|classLoader|module|declaredMethods|declaredFields|runtime|.*[sS]ervices?|processEngine.*|.*[cC]onfiguration"
          + "|delegate.*|.*[Cc]ontext");

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,120}");

  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private final ModelVocabulary vocabulary;

  ExpressionCheck(ModelVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** What is wrong with the expression, each a clause to follow "the expression ... " ; empty when it is allowed. */
  List<String> problems(String expression) {
    AstNode root;
    try {
      root = (AstNode) PARSER.build(expression).getRoot();
    } catch (TreeBuilderException e) {
      return List.of("is not a valid expression (a syntax error at character " + (e.getPosition() + 1) + ")");
    }
    Set<String> problems = new LinkedHashSet<>();
    visit(root, problems);
    return new ArrayList<>(problems);
  }

  private void visit(Node node, Set<String> problems) {
    if (node instanceof AstMethod method) {
      method(method, problems);
    } else if (node instanceof AstProperty property) {
      property(property, problems);
    } else if (node instanceof AstIdentifier identifier) {
      identifier(identifier.getName(), problems);
    } else if (node instanceof AstFunction function) {
      if (!FUNCTIONS.contains(function.getName())) {
        problems.add("calls the function '" + function.getName() + "', which is not one of " + sorted(FUNCTIONS));
      }
      children(node, problems);
    } else {
      children(node, problems);
    }
  }

  private void children(Node node, Set<String> problems) {
    for (int i = 0; i < node.getCardinality(); i++) {
      visit(node.getChild(i), problems);
    }
  }

  private void method(AstMethod method, Set<String> problems) {
    AstProperty property = (AstProperty) method.getChild(0);
    Node parameters = method.getChild(1);
    String name = propertyName(property);
    Node target = property.getChild(0);
    String root = rootName(target);
    if (name == null) {
      problems.add("calls a method whose name is computed: write the method's name");
    } else if (target instanceof AstIdentifier identifier && vocabulary.helperBeans().containsKey(identifier.getName())) {
      Class<?> helper = vocabulary.helperBeans().get(identifier.getName());
      if (!declaresPublicMethod(helper, name)) {
        problems.add("calls " + named(identifier.getName() + "." + name) + ", which " + identifier.getName()
            + " does not offer to models (it offers " + sorted(publicMethods(helper)) + ")");
      }
    } else if ("decisionResult".equals(root) && DECISION_RESULT_METHODS.contains(name)) {
      visit(target, problems);
    } else {
      problems.add("calls the method " + named(name) + " on " + describe(root)
          + ": models may call only the methods of the application's helpers (" + sorted(vocabulary.helperBeans().keySet())
          + ") and read a decision's result");
      visit(target, problems);
    }
    visit(parameters, problems);
  }

  private void property(AstProperty property, Set<String> problems) {
    String name = propertyName(property);
    Node target = property.getChild(0);
    String root = rootName(target);
    if (name == null) {
      problems.add("reads a property whose name is computed ([...]): write the property's name");
      children(property, problems);
      return;
    }
    if (target instanceof AstIdentifier identifier && isBuiltIn(identifier.getName(), "execution")) {
      if (!EXECUTION_PROPERTIES.contains(name)) {
        problems.add("reads " + named("execution." + name) + ", but models may read only "
            + sorted(EXECUTION_PROPERTIES) + " of the execution");
      }
      return;
    }
    if (target instanceof AstIdentifier identifier && isBuiltIn(identifier.getName(), "task")) {
      if (!TASK_PROPERTIES.contains(name)) {
        problems.add("reads " + named("task." + name) + ", but models may read only " + sorted(TASK_PROPERTIES)
            + " of the task");
      }
      return;
    }
    if (root != null && vocabulary.delegateBeans().contains(root)) {
      problems.add("reads " + named(name) + " of the delegate '" + root + "': name a delegate only as ${" + root + "}");
      return;
    }
    if (target instanceof AstIdentifier identifier && vocabulary.helperBeans().containsKey(identifier.getName())) {
      if (!declaresGetter(vocabulary.helperBeans().get(identifier.getName()), name)) {
        problems.add("reads " + named(identifier.getName() + "." + name) + ", which " + identifier.getName()
            + " does not offer to models");
      }
      return;
    }
    if (FORBIDDEN_PROPERTY.matcher(name).matches()) {
      problems.add("reads the property " + named(name) + ", which leads out of the case's data");
    }
    visit(target, problems);
  }

  private void identifier(String name, Set<String> problems) {
    if (vocabulary.caseVariables().contains(name) || ENGINE_VARIABLES.contains(name)
        || vocabulary.delegateBeans().contains(name) || vocabulary.helperBeans().containsKey(name)) {
      return;
    }
    if (vocabulary.otherBeans().contains(name)) {
      problems.add("uses the bean '" + name + "', which models may not use (only the project's delegates, listeners"
          + " and helpers, and the case's variables)");
    } else {
      // not repeated: a name the application does not know is only what was entered (a misspelt bean, or worse)
      problems.add("uses a name that is neither a bean of the application nor a variable of the case (a misspelt"
          + " delegate or variable?)");
    }
  }

  /**
   * Whether the name is the engine's own object: the engine resolves {@code execution} and {@code task} before any
   * variable, so a variable of that name (which a model could declare) does not make them variables.
   */
  private static boolean isBuiltIn(String name, String builtIn) {
    return builtIn.equals(name);
  }

  private static String propertyName(AstProperty property) {
    if (property instanceof AstDot dot) {
      String text = dot.toString();
      return text.startsWith(". ") ? text.substring(2) : text;
    }
    if (property instanceof AstBracket && property.getChild(1) instanceof AstString string) {
      return String.valueOf(string.eval(null, null));
    }
    return null;
  }

  private static String rootName(Node node) {
    Node current = node;
    while (current != null) {
      if (current instanceof AstIdentifier identifier) {
        return identifier.getName();
      }
      if (current instanceof AstProperty || current instanceof AstMethod) {
        current = current.getChild(0);
      } else {
        return null;
      }
    }
    return null;
  }

  private String describe(String root) {
    if (root == null) {
      return "a computed value";
    }
    if (vocabulary.caseVariables().contains(root) || ENGINE_VARIABLES.contains(root)) {
      return "the variable '" + root + "'";
    }
    return "'" + root + "'";
  }

  private static boolean declaresPublicMethod(Class<?> type, String name) {
    return publicMethods(type).contains(name);
  }

  private static Set<String> publicMethods(Class<?> type) {
    Set<String> names = new java.util.TreeSet<>();
    for (Method method : type.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()) && !method.isSynthetic()) {
        names.add(method.getName());
      }
    }
    return names;
  }

  private static boolean declaresGetter(Class<?> type, String property) {
    String capitalised = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
    return Arrays.stream(type.getDeclaredMethods()).anyMatch(method -> Modifier.isPublic(method.getModifiers())
        && method.getParameterCount() == 0
        && (method.getName().equals("get" + capitalised) || method.getName().equals("is" + capitalised)));
  }

  private static String sorted(Set<String> names) {
    return String.join(", ", new java.util.TreeSet<>(names));
  }

  /** A name as written, when it is a plain name; a property named by other text ({@code x['…']}) is not repeated. */
  private static String named(String name) {
    return PLAIN_NAME.matcher(name).matches() ? "'" + name + "'" : "a name that is not a plain name";
  }
}
