package org.rrp.workflow.referral;

import java.util.List;
import java.util.Map;

import org.rrp.workflow.notification.Notification;

/** The emails of a referral. Subjects carry the case reference only, never the child's name. */
final class ReferralMessages {

  private ReferralMessages() {
  }

  static Notification received(String caseReference, String referrerEmail) {
    return new Notification("request-received", caseReference, "referrer", referrerEmail,
        "RRP request received: " + caseReference,
        """
        Thank you for your request for support from the Relational & Restorative Practice team.

        Its case reference is %s. Please quote it when you contact us about this child, so that we can talk
        about the case without naming them by email.

        An RRP coordinator will look at the request and let you know what happens next.

        RRP team, Virtual School
        """.formatted(caseReference));
  }

  static Notification declined(String caseReference, String referrerEmail, String reason, String signposting) {
    return new Notification("request-declined", caseReference, "referrer", referrerEmail,
        "RRP request " + caseReference + ": outcome",
        """
        Thank you for your request for support from the Relational & Restorative Practice team (case %s).

        We are not able to offer support through this request, because:
        %s

        Other services that may help:
        %s

        If the child's circumstances change, you are welcome to make a new request.

        RRP team, Virtual School
        """.formatted(caseReference, reason, signposting));
  }

  static Notification closed(String caseReference, String referrerEmail, String outcome, String signposting,
      List<Map<String, Object>> agreedActions) {
    return new Notification("case-closed", caseReference, "referrer", referrerEmail,
        "RRP case " + caseReference + " closed",
        """
        The RRP team has closed case %s.

        Outcome:
        %s
        %s%s
        We would value a few lines of feedback on how the support went: just reply to this email.

        RRP team, Virtual School
        """.formatted(caseReference, outcome, actions(agreedActions), signposting(signposting)));
  }

  static Notification stopped(String caseReference, String referrerEmail, String reason) {
    return new Notification("case-stopped", caseReference, "referrer", referrerEmail,
        "RRP case " + caseReference + " stopped",
        """
        The RRP team has stopped case %s before the support was complete, because:
        %s

        If the child's circumstances change, you are welcome to make a new request.

        RRP team, Virtual School
        """.formatted(caseReference, reason));
  }

  private static String actions(List<Map<String, Object>> agreedActions) {
    if (agreedActions.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("\nThe actions agreed:\n");
    for (Map<String, Object> action : agreedActions) {
      text.append("- ").append(action.get("what")).append(" (").append(action.get("owner")).append(", by ")
          .append(action.get("byWhen")).append(Boolean.TRUE.equals(action.get("done")) ? ", done" : "").append(")\n");
    }
    return text.toString();
  }

  private static String signposting(String signposting) {
    return signposting == null || signposting.isBlank() ? "" : "\nOther services that may help:\n" + signposting + "\n";
  }

}
