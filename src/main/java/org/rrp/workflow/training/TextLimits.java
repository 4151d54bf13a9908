package org.rrp.workflow.training;

import org.rrp.workflow.casework.FormInput;

/** The lengths the forms allow ({@code validate.maxLength}), checked again on the server. */
final class TextLimits {

  static final int NAME = 200;
  static final int LONG = 4000;

  private TextLimits() {
  }

  /** A required text no longer than {@code max}; null (with a problem recorded) otherwise. */
  static String required(FormInput input, String name, String label, int max) {
    return limited(input, input.requiredText(name, label), label, max);
  }

  static String optional(FormInput input, String name, String label, int max) {
    return limited(input, input.optionalText(name, label), label, max);
  }

  /** The value, or null with a problem recorded when it is longer than {@code max}. */
  static String limited(FormInput input, String value, String label, int max) {
    if (value != null && value.length() > max) {
      input.problem(label + " must be at most " + max + " characters.");
      return null;
    }
    return value;
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
