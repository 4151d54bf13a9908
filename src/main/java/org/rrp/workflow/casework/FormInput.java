package org.rrp.workflow.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads submitted form values from a variable scope and collects every problem, so the person submitting is
 * told everything to fix at once. Call {@link #rejectIfInvalid()} after the checks. Messages repeat only values
 * chosen from a list, never free text or dates, which may be personal data (the engine logs rejected commands).
 * A value of the wrong kind (a number for a name, a date object or text for a checkbox) is not taken as missing:
 * "&lt;label&gt; could not be read." Labels are singular ("The note on …", "What was suggested"), as every sentence
 * says "is".
 */
public final class FormInput {

  /**
   * The one email rule of forms and server: something, an at sign, something with a dot in it, no spaces. Every
   * email field of a form in {@code forms/} carries this exact text as its {@code validate.pattern}, so the form
   * refuses what the server refuses ({@code FormRulesTest} holds them together).
   */
  public static final String EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

  private static final Pattern EMAIL = Pattern.compile(EMAIL_PATTERN);
  private static final Pattern INVISIBLE = Pattern.compile("[\\s\\p{Z}\\p{Cf}]+");

  private final VariableScope scope;
  private final List<String> problems = new ArrayList<>();

  public FormInput(VariableScope scope) {
    this.scope = scope;
  }

  /**
   * Whether a text shows nothing: empty, or only spaces of any kind, including those {@link String#isBlank()} does not
   * count (a no-break space, a zero-width space, other invisible format characters).
   */
  public static boolean isBlank(String text) {
    return INVISIBLE.matcher(text).replaceAll("").isEmpty();
  }

  /**
   * A text that must show something, without the spaces around it. The stripped text is also what the case keeps: a
   * value checked without its spaces but kept with them (an advisor's user id typed as " alex ", an area, a district)
   * would name nobody afterwards.
   */
  public String requiredText(String name, String label) {
    Object value = scope.getVariable(name);
    if (value instanceof String text && !isBlank(text)) {
      return kept(name, text);
    }
    problems.add(value == null || value instanceof String ? label + " is required." : unreadable(label));
    return null;
  }

  /** A text that may be left empty: null when it is; a value that is not text is refused. */
  public String optionalText(String name, String label) {
    Object value = scope.getVariable(name);
    if (value == null || value instanceof String) {
      return value instanceof String text && !isBlank(text) ? kept(name, text) : null;
    }
    problems.add(unreadable(label));
    return null;
  }

  private String kept(String name, String text) {
    String stripped = text.strip();
    if (!stripped.equals(text)) {
      scope.setVariable(name, stripped);
    }
    return stripped;
  }

  public String requiredChoice(String name, String label, Set<String> allowed) {
    String value = requiredText(name, label);
    if (value != null && !allowed.contains(value)) {
      problems.add(label + " is not one of the options.");
      return null;
    }
    return value;
  }

  /** Whether the text is an email address (after trimming); false for null. */
  public static boolean isEmail(String value) {
    return value != null && EMAIL.matcher(value.strip()).matches();
  }

  /** The earliest year a date in a case can have: anything before is a typing slip (or an attack). */
  public static final int EARLIEST_YEAR = 1900;

  /**
   * A date as Camunda Forms submit it ({@code YYYY-MM-DD}, or a full ISO date-time whose date part counts); null when
   * blank, unreadable, followed by anything that is not a time, or before {@value #EARLIEST_YEAR}.
   */
  public static LocalDate parseDate(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
      if (value.length() > 10) {
        java.time.format.DateTimeFormatter.ISO_DATE_TIME.parse(value);
      }
      return date.getYear() < EARLIEST_YEAR || date.getYear() > 9999 ? null : date;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public String requiredEmail(String name, String label) {
    String value = requiredText(name, label);
    if (value != null && !isEmail(value)) {
      problems.add(label + " is not a valid email address.");
      return null;
    }
    return value;
  }

  public Boolean requiredFlag(String name, String label) {
    Object value = scope.getVariable(name);
    if (value instanceof Boolean flag) {
      return flag;
    }
    problems.add(value == null ? label + " must be answered yes or no." : unreadable(label));
    return null;
  }

  /**
   * Whether a checkbox is ticked: false when it was not submitted. Anything but true or false (the text "true",
   * say) is refused, so a submission made without the form cannot tick a box the check would not see.
   */
  public boolean ticked(String name, String label) {
    Object value = scope.getVariable(name);
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    problems.add(unreadable(label));
    return false;
  }

  /**
   * A whole number from {@code least} to {@code most}, however the number was typed (integer, long, double): read
   * exactly, so a long beyond an int's range is refused rather than wrapped round. A missing number, a fraction or
   * one out of range gets one sentence; something that is not a number could not be read.
   */
  public Integer requiredWholeNumber(String name, String label, int least, int most) {
    Object value = scope.getVariable(name);
    if (value != null && !(value instanceof Number)) {
      problems.add(unreadable(label));
      return null;
    }
    BigDecimal number = value == null ? null : exactly((Number) value);
    if (number == null || number.stripTrailingZeros().scale() > 0
        || number.compareTo(BigDecimal.valueOf(least)) < 0 || number.compareTo(BigDecimal.valueOf(most)) > 0) {
      problems.add(label + " must be a whole number from " + least + " to " + most + ".");
      return null;
    }
    return number.intValueExact();
  }

  private static BigDecimal exactly(Number number) {
    try {
      return new BigDecimal(number.toString());
    } catch (NumberFormatException e) { // NaN, Infinity
      return null;
    }
  }

  private static String unreadable(String label) {
    return label + " could not be read.";
  }

  /** A date submitted as {@code YYYY-MM-DD} (what a Camunda Forms date field sends). */
  public LocalDate requiredDate(String name, String label) {
    String value = requiredText(name, label);
    if (value == null) {
      return null;
    }
    LocalDate date = parseDate(value);
    if (date == null) {
      problems.add(label + " is not a date from " + EARLIEST_YEAR + " onwards.");
    }
    return date;
  }

  /** A date and time submitted as ISO-8601 with an offset (what a Camunda Forms date-time field sends). */
  public OffsetDateTime requiredDateTime(String name, String label) {
    String value = requiredText(name, label);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(label + " is not a date and time.");
      return null;
    }
  }

  /**
   * The date a meeting was held: required, not in the future (a meeting is recorded once it has taken place) and not
   * before {@code notBefore} (when given), which {@code notBeforeWhat} names, e.g. "the circle began".
   */
  public LocalDate requiredDateHeld(String name, String label, LocalDate notBefore, String notBeforeWhat) {
    LocalDate heldOn = requiredDate(name, label);
    if (heldOn != null && heldOn.isAfter(CaseClock.today())) {
      problems.add(label + " is in the future: record the meeting once it has taken place.");
    } else if (heldOn != null && notBefore != null && heldOn.isBefore(notBefore)) {
      problems.add(label + " is before " + notBeforeWhat + ".");
    }
    return heldOn;
  }

  /** Records a problem found by a check the caller makes itself. */
  public void problem(String message) {
    problems.add(message);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  public void rejectIfInvalid() {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}
