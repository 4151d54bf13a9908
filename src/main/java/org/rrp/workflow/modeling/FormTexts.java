package org.rrp.workflow.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What people type is shown in other people's forms as plain text, never as Markdown. A form's text component is
 * Markdown: form-js places a templated value in it as it is, then renders the links, images and HTML it keeps, so a
 * link or a button typed into a request would become a live one in the coordinator's form. So no text component
 * templates ({@code {{...}}}, or a whole text written as an expression, {@code =...}) a variable a person types: the
 * key of an input field a form lets a person type into (an editable text field or text area, in a list's rows too),
 * nor reads variables without naming them ({@code this.difficulty}, {@code get value(this, "name")}). Such
 * a value is shown in a read-only field bound to it instead. What the server writes (the case reference, dates,
 * numbers, labels, the request summary with the typed parts escaped) may stay in a text.
 * <p>
 * A deployment is checked against the typed fields of its own forms and of the forms the application releases.
 */
final class FormTexts {

  /** Input types whose value a person types, rather than chooses (the server checks a choice, date or number). */
  static final Set<String> TYPED = Set.of("textfield", "textarea");

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  /** A name not read as a property of something else ({@code a.b} reads a) and not a function called. */
  private static final Pattern NAME = Pattern.compile("(?<![\\w.$])([A-Za-z_$][\\w$]*+)(?!\\s*\\()");
  private static final Set<String> FEEL_WORDS = Set.of("if", "then", "else", "and", "or", "not", "true", "false",
      "null", "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of", "function", "loop");
  /**
   * What reads variables without naming them: form-js's {@code this} and {@code parent} (also {@code _this_},
   * {@code _parent_}: {@code this.difficulty}) and FEEL's {@code get value(context, "name")}. A text that reads them
   * is reported as reading {@link #INDIRECT}, whatever it reads.
   */
  private static final Set<String> INDIRECT_NAMES = Set.of("this", "parent", "_this_", "_parent_");
  private static final Pattern GET_VALUE = Pattern.compile("\\bget\\s+(value|entries)\\s*\\(");
  static final String INDIRECT = "this";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile Set<String> released;

  private FormTexts() {
  }

  /**
   * The keys of every editable text field and text area of these forms, and the path of every list whose rows hold
   * one ({@code participants[1].name} shows what a person typed as well as {@code name} in a row does).
   */
  static Set<String> typedVariables(Iterable<JsonNode> forms) {
    Set<String> typed = new TreeSet<>();
    for (JsonNode form : forms) {
      walk(form.path("components"), component -> {
        if (isTyped(component)) {
          typed.add(component.path("key").asText());
        }
        if (component.hasNonNull("path") && "dynamiclist".equals(component.path("type").asText())) {
          List<JsonNode> rows = new ArrayList<>();
          walk(component.path("components"), rows::add);
          if (rows.stream().anyMatch(FormTexts::isTyped)) {
            typed.add(component.path("path").asText());
          }
        }
      });
    }
    return typed;
  }

  private static boolean isTyped(JsonNode component) {
    boolean editable = !component.path("readonly").asBoolean(false) && !component.path("disabled").asBoolean(false);
    return editable && TYPED.contains(component.path("type").asText()) && component.hasNonNull("key");
  }

  /** What people type in the forms the application releases ({@code forms/} on the class path), read once. */
  static Set<String> released() {
    if (released == null) {
      List<JsonNode> forms = new ArrayList<>();
      try {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
          try (InputStream in = resource.getInputStream()) {
            forms.add(JSON.readTree(in));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      released = Set.copyOf(typedVariables(forms));
    }
    return released;
  }

  /** A text component of a form that templates a variable people type. */
  record TypedInText(String file, String textId, String variable) {
  }

  /** Each text component of the form that templates a typed variable. */
  static List<TypedInText> typedInTexts(String file, JsonNode form, Set<String> typed) {
    List<TypedInText> found = new ArrayList<>();
    walk(form.path("components"), component -> {
      if ("text".equals(component.path("type").asText())) {
        for (String name : templated(component.path("text").asText(""))) {
          if (typed.contains(name) || INDIRECT.equals(name)) {
            found.add(new TypedInText(file, component.path("id").asText("without an id"), name));
          }
        }
      }
    });
    return found;
  }

  /** The same, as a deployment's problems: one sentence each, naming the file, the text and the variable. */
  static List<String> problems(String file, JsonNode form, Set<String> typed) {
    return typedInTexts(file, form, typed).stream().map(found -> found.file() + ": the text " + found.textId()
        + (INDIRECT.equals(found.variable())
            ? " reads variables without naming them (this, parent or get value), so it could show what people type"
            + " as Markdown: name each variable it shows, and show what people type in a read-only field instead."
            : " shows " + found.variable() + ", which people type, as Markdown (a link typed there would become a"
            + " live one): show it in a read-only text field or text area bound to " + found.variable() + " instead."))
        .toList();
  }

  /**
   * The variables a text reads: in each {@code {{...}}} (a FEEL expression, or {@code #if}/{@code #loop} of one),
   * or in the whole text when it is an expression ({@code =...}); words in quotes, FEEL's own words, functions
   * called and properties of another value are not variables.
   */
  static Set<String> templated(String text) {
    List<String> expressions = new ArrayList<>();
    if (text.startsWith("=")) {
      expressions.add(text.substring(1));
    } else {
      Matcher template = TEMPLATE.matcher(text);
      while (template.find()) {
        expressions.add(template.group(1).trim().replaceFirst("^[#/]\\s*(if|loop)\\b", ""));
      }
    }
    Set<String> names = new TreeSet<>();
    for (String expression : expressions) {
      String code = withoutStringsAndComments(expression);
      if (GET_VALUE.matcher(code).find()) {
        names.add(INDIRECT);
      }
      Matcher name = NAME.matcher(code);
      while (name.find()) {
        if (INDIRECT_NAMES.contains(name.group(1))) {
          names.add(INDIRECT);
        } else if (!FEEL_WORDS.contains(name.group(1))) {
          names.add(name.group(1));
        }
      }
    }
    return names;
  }

  /**
   * The expression with each string literal emptied ({@code ""}) and each comment ({@code /* *}{@code /}, {@code //}
   * to the end of the line) a space, read left to right as FEEL reads them: a quote inside a comment opens no string,
   * and a comment's marks inside a string are text.
   */
  static String withoutStringsAndComments(String expression) {
    StringBuilder code = new StringBuilder(expression.length());
    int i = 0;
    while (i < expression.length()) {
      char c = expression.charAt(i);
      if (c == '"') {
        int end = i + 1;
        while (end < expression.length() && expression.charAt(end) != '"') {
          end += expression.charAt(end) == '\\' ? 2 : 1;
        }
        code.append("\"\"");
        i = end + 1;
      } else if (expression.startsWith("/*", i)) {
        int end = expression.indexOf("*/", i + 2);
        code.append(' ');
        i = end < 0 ? expression.length() : end + 2;
      } else if (expression.startsWith("//", i)) {
        int end = expression.indexOf('\n', i);
        code.append(' ');
        i = end < 0 ? expression.length() : end;
      } else {
        code.append(c);
        i++;
      }
    }
    return code.toString();
  }

  static void walk(JsonNode components, Consumer<JsonNode> visit) {
    for (JsonNode component : components) {
      visit.accept(component);
      walk(component.path("components"), visit);
    }
  }
}
