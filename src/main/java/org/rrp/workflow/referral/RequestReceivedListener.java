package org.rrp.workflow.referral;

import static org.rrp.workflow.casework.CaseVariables.*;
import static org.rrp.workflow.referral.ReferralVariables.*;

import java.time.LocalDate;
import java.time.Period;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.rrp.workflow.identity.CaseAccess;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.EnglishDates;
import org.rrp.workflow.casework.FormInput;
import org.rrp.workflow.casework.MarkdownText;
import org.rrp.workflow.casework.ServiceNames;
import org.springframework.stereotype.Component;

/**
 * On the start event of a referral: checks the request on the server (a form check in the browser is not
 * enough), and only then gives the case its reference and business key, derives the eligibility inputs and lets
 * the referrer read their own case. A rejected request throws, so nothing is started or written. Messages name
 * the field to fix but never repeat what was entered: the engine logs them, and logs carry no personal data.
 */
@Component
class RequestReceivedListener implements ExecutionListener {

  private final CaseReferences caseReferences;
  private final DistrictAreas districtAreas;
  private final CaseAccess caseAccess;

  RequestReceivedListener(CaseReferences caseReferences, DistrictAreas districtAreas, CaseAccess caseAccess) {
    this.caseReferences = caseReferences;
    this.districtAreas = districtAreas;
    this.caseAccess = caseAccess;
  }

  @Override
  public void notify(DelegateExecution execution) {
    LocalDate today = CaseClock.today();
    FormInput input = new FormInput(execution);
    input.requiredText(REFERRER_NAME, "Your name");
    input.requiredChoice(REFERRER_ROLE, "Your role", REFERRER_ROLES);
    input.requiredText(REFERRER_SETTING, "Your school, setting or team");
    input.requiredEmail(REFERRER_EMAIL, "Your email");
    input.requiredText(CHILD_NAME, "The child's name");
    LocalDate dateOfBirth = input.requiredDate(CHILD_DATE_OF_BIRTH, "The child's date of birth");
    input.requiredChoice(CHILD_YEAR_GROUP, "Year group", YEAR_GROUPS);
    String legalStatus = input.requiredChoice(LEGAL_STATUS, "Legal status", LEGAL_STATUSES);
    input.requiredText(SETTING_NAME, "The school or setting");
    String district = input.requiredText(SETTING_DISTRICT, "The district of the setting");
    input.requiredText(DIFFICULTY, "What is stuck");
    input.requiredChoice(SERVICE_WANTED, "The service wanted", SERVICES);
    input.requiredFlag(TRAINED_FACILITATOR_IN_SCHOOL, "Whether the school has a trained facilitator");
    Boolean agreement = input.requiredFlag(PARENT_CARER_AGREEMENT, "Parent or carer agreement");

    if (dateOfBirth != null && dateOfBirth.isAfter(today)) {
      input.problem("The child's date of birth is in the future.");
    }
    LocalDate careEnded = null;
    if (PREVIOUSLY_IN_CARE.equals(legalStatus)) {
      careEnded = input.requiredDate(CARE_ENDED_ON, "The date the child left care");
      if (careEnded != null && careEnded.isAfter(today)) {
        input.problem("The date the child left care is in the future.");
      } else if (careEnded != null && dateOfBirth != null && careEnded.isBefore(dateOfBirth)) {
        input.problem("The date the child left care is before their date of birth.");
      }
    }
    if (Boolean.FALSE.equals(agreement)) {
      input.problem("A referral needs a parent or carer's agreement: ask them first, then submit the request.");
    }
    if (district != null && districtAreas.areaOf(district).isEmpty()) {
      input.problem("The district is not one the RRP team serves: choose the setting's district"
          + " from the list, or ask the RRP coordinator.");
    }
    input.rejectIfInvalid();

    String reference = caseReferences.next(today.getYear());
    execution.setProcessBusinessKey(reference);
    execution.setVariable(CASE_REFERENCE, reference);
    execution.setVariable(CHILD_AGE_YEARS, Period.between(dateOfBirth, today).getYears());
    execution.setVariable(MONTHS_SINCE_CARE_ENDED, careEnded == null ? null : monthsSince(careEnded, today));
    execution.setVariable(SERVICE, execution.getVariable(SERVICE_WANTED));
    execution.setVariable(REQUEST_SUMMARY, summary(execution, careEnded));
    if (execution.getVariable(REFERRER_USER_ID) instanceof String referrer && !referrer.isBlank()) {
      caseAccess.letUserRead(execution.getProcessInstanceId(), referrer);
    }
  }

  /**
   * The request as coordinators read it in their task forms (Markdown): labels, not codes; no child's name. What the
   * referrer typed is placed as literal text, so it cannot make a link, an image or markup in the form.
   */
  static String summary(DelegateExecution execution, LocalDate careEnded) {
    String legalStatus = ReferralLabels.of(ReferralLabels.LEGAL_STATUSES, (String) execution.getVariable(LEGAL_STATUS));
    return String.join("\n",
        "- Referred by: " + ReferralLabels.of(ReferralLabels.ROLES, (String) execution.getVariable(REFERRER_ROLE))
            + ", " + MarkdownText.literal(execution.getVariable(REFERRER_SETTING)),
        "- Year group: " + ReferralLabels.humanise((String) execution.getVariable(CHILD_YEAR_GROUP)),
        "- Legal status or circumstances: " + legalStatus + (careEnded == null ? "" : ", left care " + careEnded.format(EnglishDates.DAY)),
        "- School or setting: " + MarkdownText.literal(execution.getVariable(SETTING_NAME)) + ", "
            + ReferralLabels.humanise((String) execution.getVariable(SETTING_DISTRICT)),
        "- Service wanted: " + ServiceNames.of((String) execution.getVariable(SERVICE_WANTED)),
        "- Trained facilitator in school: " + (Boolean.TRUE.equals(execution.getVariable(TRAINED_FACILITATOR_IN_SCHOOL)) ? "yes" : "no"),
        "- Parent or carer agreed to the referral: yes");
  }

  /** Months since the date, a part month counting as a whole one: 6 years and a day is 73 months, not 72. */
  static int monthsSince(LocalDate date, LocalDate today) {
    Period period = Period.between(date, today);
    return (int) period.toTotalMonths() + (period.getDays() > 0 ? 1 : 0);
  }
}
