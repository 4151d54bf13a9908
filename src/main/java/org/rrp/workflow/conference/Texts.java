package org.rrp.workflow.conference;

import static org.rrp.workflow.casework.CaseVariables.ACTION_PLAN;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.rrp.workflow.casework.Action;
import org.rrp.workflow.casework.FormInput;
import org.rrp.workflow.casework.JsonVariables;

/** Form values the conference's checks read beyond {@link FormInput}: lengths, checklists, the action plan. */
final class Texts {

  /** What a text field may hold: the forms say the same ({@code validate.maxLength}); the database holds 4,000. */
  static final int MAX_LENGTH = 4000;
  /** What a line may hold: a name, an email address, a venue, an action (the forms' one-line text fields). */
  static final int MAX_LINE = Roster.MAX_TEXT;

  private Texts() {
  }

  static String required(FormInput input, String name, String label) {
    return withinLength(input, input.requiredText(name, label), label, MAX_LENGTH);
  }

  /** A required line: a name, a venue (up to {@link #MAX_LINE} characters). */
  static String requiredLine(FormInput input, String name, String label) {
    return withinLength(input, input.requiredText(name, label), label, MAX_LINE);
  }

  static String optional(FormInput input, String name, String label) {
    return withinLength(input, input.optionalText(name, label), label, MAX_LENGTH);
  }

  private static String withinLength(FormInput input, String value, String label, int max) {
    if (value != null && value.length() > max) {
      input.problem(label + " is longer than " + max + " characters.");
      return null;
    }
    return value;
  }

  /** A checklist's values (a JSON list of text); null, with a problem recorded, when it cannot be read. */
  static List<String> list(VariableScope scope, FormInput input, String name, String label) {
    try {
      return JsonVariables.readList(scope.getVariable(name), String.class);
    } catch (IllegalArgumentException e) {
      input.problem(label + " could not be read.");
      return null;
    }
  }

  static List<Action> actions(VariableScope scope, FormInput input) {
    try {
      return JsonVariables.readList(scope.getVariable(ACTION_PLAN), Action.class);
    } catch (IllegalArgumentException e) {
      input.problem("The outcome agreement's actions could not be read.");
      return null;
    }
  }

  /** Each action says what, who (with a valid email) and by when, not before the meeting that agreed it. */
  static void checkActions(List<Action> actions, LocalDate agreedOn, FormInput input) {
    if (actions == null) {
      return;
    }
    for (int i = 0; i < actions.size(); i++) {
      Action action = actions.get(i);
      String name = "Action " + (i + 1);
      if (action.what() == null || action.what().isBlank()) {
        input.problem(name + " does not say what is to be done.");
      } else if (action.what().length() > MAX_LINE) {
        input.problem(name + ": what is to be done is longer than " + MAX_LINE + " characters.");
      }
      if (action.owner() == null || action.owner().isBlank()) {
        input.problem(name + " has no owner.");
      } else if (action.owner().length() > MAX_LINE) {
        input.problem(name + ": the owner's name is longer than " + MAX_LINE + " characters.");
      }
      if (!FormInput.isEmail(action.ownerEmail()) || action.ownerEmail().length() > MAX_LINE) {
        input.problem(name + ": the owner needs a valid email address.");
      }
      if (action.progress() != null && action.progress().length() > MAX_LENGTH) {
        input.problem(name + ": what happened is longer than " + MAX_LENGTH + " characters.");
      }
      LocalDate byWhen = FormInput.parseDate(action.byWhen());
      if (byWhen == null) {
        input.problem(name + " needs a date to be done by.");
      } else if (agreedOn != null && byWhen.isBefore(agreedOn)) {
        input.problem(name + " is due before the conference that agreed it.");
      }
    }
  }
}
