package org.rrp.workflow.security;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conditions on which a Camunda Form hides a field, as far as the server can tell them: the forms here hide a
 * field on a checkbox or a choice ({@code =stopCase = true}, {@code =not(pauseJourney)}, {@code =evidenceAccepted},
 * a choice compared with one of its options), several joined by {@code or}. A condition of any other shape, or on a value that
 * is not known, is unknown.
 */
final class FormConditions {

  private static final Pattern TERM = Pattern.compile(
      "\\s*(?:not\\(\\s*(\\w+)\\s*\\)|(\\w+)(?:\\s*(!=|=)\\s*(true|false|\"[^\"]*\"))?)\\s*");

  private FormConditions() {
  }

  /** Whether the condition is known to be false, so that the form shows what it would hide. */
  static boolean isFalse(String condition, Function<String, Object> values) {
    return evaluate(condition, values).map(hides -> !hides).orElse(false);
  }

  /**
   * The condition's value; empty when its shape is not one of the above, or when a value it reads is not known and
   * no other term of the {@code or} holds (one that holds hides the field whatever the unknown ones are).
   */
  static Optional<Boolean> evaluate(String condition, Function<String, Object> values) {
    String text = condition.strip();
    if (!text.startsWith("=")) {
      return Optional.empty();
    }
    boolean holds = false;
    boolean unknown = false;
    for (String term : text.substring(1).split("\\s+or\\s+")) {
      Matcher matcher = TERM.matcher(term);
      if (!matcher.matches()) {
        return Optional.empty();
      }
      boolean negated = matcher.group(1) != null;
      Object value = values.apply(negated ? matcher.group(1) : matcher.group(2));
      String literal = matcher.group(4);
      if (value == null || (literal == null || !literal.startsWith("\"")) && !(value instanceof Boolean)) {
        unknown = true;
        continue;
      }
      if (negated) {
        holds |= !(Boolean) value;
      } else if (literal == null) {
        holds |= (Boolean) value;
      } else {
        boolean equal = literal.startsWith("\"") ? literal.substring(1, literal.length() - 1).equals(value)
            : value.equals(Boolean.valueOf(literal));
        holds |= "=".equals(matcher.group(3)) == equal;
      }
    }
    return holds || !unknown ? Optional.of(holds) : Optional.empty();
  }
}
