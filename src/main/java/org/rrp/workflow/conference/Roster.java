package org.rrp.workflow.conference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.rrp.workflow.casework.FormInput;

/**
 * The people named for a conference, numbered from 1 in the order named: the rules a list must keep, and who is
 * written to. A plain service: it knows nothing of the engine.
 */
final class Roster {

  static final int MAX_PARTICIPANTS = 20;
  static final int MAX_TEXT = 200;

  private final List<Participant> participants;

  Roster(List<Participant> participants) {
    this.participants = List.copyOf(participants);
  }

  List<Participant> all() {
    return participants;
  }

  /** Numbers 1..n: the multi-instance collection, one preparation per participant. */
  List<Integer> numbers() {
    return IntStream.rangeClosed(1, participants.size()).boxed().toList();
  }

  /** The participant with this number; {@link IllegalArgumentException} if nobody has it. */
  Participant participant(int number) {
    if (number < 1 || number > participants.size()) {
      throw new IllegalArgumentException("no participant " + number);
    }
    return participants.get(number - 1);
  }

  /** Whether a value a checklist submitted ("1", "2", ...) names a participant. */
  boolean isNamed(String number) {
    try {
      int n = Integer.parseInt(number);
      return n >= 1 && n <= participants.size();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Checklist options for forms: {"label": "1. Name (role)", "value": "1"}. */
  List<Map<String, String>> options() {
    List<Map<String, String>> options = new ArrayList<>();
    for (int n = 1; n <= participants.size(); n++) {
      Participant p = participant(n);
      options.add(Map.of("label", n + ". " + p.name() + " (" + p.roleLabel() + ")", "value", String.valueOf(n)));
    }
    return options;
  }

  /** Everyone to write to about the conference: each participant and each child's parent or carer, once. */
  List<String> everyoneEmails() {
    Set<String> emails = new LinkedHashSet<>();
    participants.forEach(p -> emails.addAll(emailsOf(p)));
    return List.copyOf(emails);
  }

  /** Who is told the outcome: each person harmed (and, for a child, their parent or carer). */
  List<String> personHarmedEmails() {
    Set<String> emails = new LinkedHashSet<>();
    participants.stream().filter(p -> Participant.PERSON_HARMED.equals(p.role())).forEach(p -> emails.addAll(emailsOf(p)));
    return List.copyOf(emails);
  }

  /** The participant's own address and, for a child, the parent's or carer's. */
  static List<String> emailsOf(Participant p) {
    Set<String> emails = new LinkedHashSet<>();
    emails.add(p.email().strip());
    if (p.isChild() && p.parentCarerEmail() != null) {
      emails.add(p.parentCarerEmail().strip());
    }
    return List.copyOf(emails);
  }

  /** Every rule a list of participants breaks, one plain sentence each, naming the participant by number only. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (participants.isEmpty()) {
      problems.add("Name at least one participant.");
      return problems;
    }
    if (participants.size() > MAX_PARTICIPANTS) {
      problems.add("Name at most " + MAX_PARTICIPANTS + " participants.");
    }
    for (int n = 1; n <= participants.size(); n++) {
      Participant p = participant(n);
      String who = "Participant " + n;
      if (blank(p.name())) {
        problems.add(who + " has no name.");
      } else if (p.name().length() > MAX_TEXT) {
        problems.add(who + ": the name is longer than " + MAX_TEXT + " characters.");
      }
      if (p.role() == null || !Participant.ROLES.containsKey(p.role())) {
        problems.add(who + " needs a role from the list.");
      }
      if (!FormInput.isEmail(p.email()) || p.email().length() > MAX_TEXT) {
        problems.add(who + " needs a valid email address.");
      }
      if (p.isChild()) {
        if (blank(p.parentCarerName()) || p.parentCarerName().length() > MAX_TEXT) {
          problems.add(who + " is a child: name the parent or carer who consents alongside them.");
        }
        if (!FormInput.isEmail(p.parentCarerEmail()) || p.parentCarerEmail().length() > MAX_TEXT) {
          problems.add(who + " is a child: their parent or carer needs a valid email address.");
        }
      }
    }
    if (participants.stream().noneMatch(p -> Participant.PERSON_HARMED.equals(p.role()))) {
      problems.add("Name the person harmed.");
    }
    if (participants.stream().noneMatch(p -> Participant.PERSON_WHO_CAUSED_HARM.equals(p.role()))) {
      problems.add("Name the person who caused harm.");
    }
    return problems;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
