package org.rrp.workflow.referral;

import static java.util.Map.entry;

import java.util.Map;

/** What people read for the codes a request is stored with (the same labels the start form shows). */
final class ReferralLabels {

  static final Map<String, String> ROLES = Map.of("designated-teacher", "Designated Teacher",
      "designated-safeguarding-lead", "Designated Safeguarding Lead", "senco", "SENCO", "social-worker", "Social worker",
      "other", "Other");

  static final Map<String, String> LEGAL_STATUSES = Map.ofEntries(
      entry("child-in-need-plan", "Has or had a social worker: Child in Need plan"),
      entry("child-protection-plan", "Has or had a social worker: Child Protection plan"),
      entry("social-worker-assessed-need", "Has or had a social worker: other assessed need"),
      entry("special-guardianship-order", "Special Guardianship Order"),
      entry("child-arrangement-order", "Child Arrangement Order"),
      entry("adoption-order", "Adoption Order"),
      entry("kinship-care", "Kinship care"),
      entry("previously-in-care", "Previously in care"),
      entry("none-of-these", "None of these"));

  private ReferralLabels() {
  }

  static String of(Map<String, String> labels, String code) {
    return code == null ? "" : labels.getOrDefault(code, humanise(code));
  }

  /** {@code year-5} reads "Year 5", {@code east-staffordshire} reads "East Staffordshire". */
  static String humanise(String code) {
    StringBuilder words = new StringBuilder();
    for (String word : code.split("-")) {
      if (!word.isEmpty()) {
        words.append(words.isEmpty() ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return words.toString();
  }
}
