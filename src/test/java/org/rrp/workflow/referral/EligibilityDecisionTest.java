package org.rrp.workflow.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.rrp.workflow.DecisionTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code eligibility} decision table (hit policy FIRST) in {@code processes/eligibility.dmn}. */
class EligibilityDecisionTest {

  private static final String CIRCLE = "solution-focused-circle";
  private static final String CONFERENCE = "restorative-conference";
  private static final String ADVICE = "advice-and-guidance";
  private static final List<String> SERVICES = List.of(CIRCLE, CONFERENCE, ADVICE);

  /** Statuses whose children get advice and guidance only. */
  private static final List<String> ADVICE_ONLY_STATUSES = List.of(
      "child-in-need-plan", "child-protection-plan", "social-worker-assessed-need", "special-guardianship-order");
  /** Statuses whose children may also have a circle or a conference. */
  private static final List<String> CIRCLE_OR_CONFERENCE_STATUSES = List.of(
      "adoption-order", "kinship-care", "child-arrangement-order", "previously-in-care");
  private static final String NOT_IN_COHORT = "none-of-these";
  private static final String PREVIOUSLY_IN_CARE = "previously-in-care";

  private static final DecisionTable DECISION = DecisionTable.parse("eligibility");

  @ParameterizedTest(name = "age {0}")
  @ValueSource(ints = {0, 5, 17, 18})
  void childAgedZeroToEighteenIsEligible(int age) {
    Outcome outcome = evaluate(age, "adoption-order", null, CIRCLE, false);

    assertThat(outcome.eligible()).isTrue();
  }

  @ParameterizedTest(name = "age {0}, {1}")
  @CsvSource({
      "19, solution-focused-circle",
      "19, restorative-conference",
      "19, advice-and-guidance",
      "25, advice-and-guidance"})
  void childOverEighteenIsNotEligibleForAnyService(int age, String service) {
    Outcome outcome = evaluate(age, "adoption-order", null, service, false);

    assertThat(outcome.eligible()).isFalse();
    assertThat(outcome.reason()).contains("over 18");
  }

  @ParameterizedTest(name = "{0}, facilitator in school: {1}")
  @CsvSource({
      "solution-focused-circle, false",
      "solution-focused-circle, true",
      "restorative-conference, false",
      "restorative-conference, true",
      "advice-and-guidance, false",
      "advice-and-guidance, true"})
  void childOutsideTheCohortIsNotEligibleForAnyService(String service, boolean trainedFacilitator) {
    Outcome outcome = evaluate(10, NOT_IN_COHORT, null, service, trainedFacilitator);

    assertThat(outcome.eligible()).isFalse();
    assertThat(outcome.reason()).contains("not in the RRP cohort");
  }

  @ParameterizedTest(name = "left care {0} months ago, {1}")
  @CsvSource({
      "0, solution-focused-circle",
      "0, advice-and-guidance",
      "71, restorative-conference",
      "72, solution-focused-circle",
      "72, restorative-conference",
      "72, advice-and-guidance"})
  void childWhoLeftCareWithinSixYearsIsEligible(int monthsSinceCareEnded, String service) {
    Outcome outcome = evaluate(10, PREVIOUSLY_IN_CARE, monthsSinceCareEnded, service, false);

    assertThat(outcome.eligible()).isTrue();
  }

  @ParameterizedTest(name = "left care {0} months ago, {1}")
  @CsvSource({
      "73, solution-focused-circle",
      "73, restorative-conference",
      "73, advice-and-guidance",
      "120, advice-and-guidance"})
  void childWhoLeftCareMoreThanSixYearsAgoIsNotEligibleForAnyService(int monthsSinceCareEnded, String service) {
    Outcome outcome = evaluate(10, PREVIOUSLY_IN_CARE, monthsSinceCareEnded, service, false);

    assertThat(outcome.eligible()).isFalse();
    assertThat(outcome.reason()).contains("more than 6 years ago");
  }

  @ParameterizedTest(name = "{0}, {1}, facilitator in school: {2}")
  @MethodSource("adviceOnlyStatusesWithCircleOrConference")
  void circleOrConferenceIsNotOfferedToChildrenWithAdviceOnlyStatus(String legalStatus, String service,
      boolean trainedFacilitator) {
    Outcome outcome = evaluate(10, legalStatus, null, service, trainedFacilitator);

    assertThat(outcome.eligible()).isFalse();
    assertThat(outcome.reason()).contains("advice and guidance is available");
  }

  static Stream<Arguments> adviceOnlyStatusesWithCircleOrConference() {
    return ADVICE_ONLY_STATUSES.stream().flatMap(status -> Stream.of(
        Arguments.of(status, CIRCLE, false), Arguments.of(status, CIRCLE, true),
        Arguments.of(status, CONFERENCE, false), Arguments.of(status, CONFERENCE, true)));
  }

  @ParameterizedTest(name = "{0}, facilitator in school: {1}")
  @MethodSource("everyCohortStatusWithAndWithoutFacilitator")
  void adviceAndGuidanceIsOfferedToEveryChildInTheCohort(String legalStatus, boolean trainedFacilitator) {
    Outcome outcome = evaluate(10, legalStatus, monthsSinceCareEndedFor(legalStatus), ADVICE, trainedFacilitator);

    assertThat(outcome.eligible()).isTrue();
  }

  static Stream<Arguments> everyCohortStatusWithAndWithoutFacilitator() {
    return Stream.concat(ADVICE_ONLY_STATUSES.stream(), CIRCLE_OR_CONFERENCE_STATUSES.stream())
        .flatMap(status -> Stream.of(Arguments.of(status, false), Arguments.of(status, true)));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("circleOrConferenceStatusesWithCircleOrConference")
  void circleOrConferenceIsOfferedWhenTheSchoolHasNoTrainedFacilitator(String legalStatus, String service) {
    Outcome outcome = evaluate(10, legalStatus, monthsSinceCareEndedFor(legalStatus), service, false);

    assertThat(outcome.eligible()).isTrue();
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("circleOrConferenceStatusesWithCircleOrConference")
  void circleOrConferenceIsNotOfferedWhenTheSchoolHasATrainedFacilitator(String legalStatus, String service) {
    Outcome outcome = evaluate(10, legalStatus, monthsSinceCareEndedFor(legalStatus), service, true);

    assertThat(outcome.eligible()).isFalse();
    assertThat(outcome.reason()).contains("trained professional");
  }

  static Stream<Arguments> circleOrConferenceStatusesWithCircleOrConference() {
    return CIRCLE_OR_CONFERENCE_STATUSES.stream()
        .flatMap(status -> Stream.of(Arguments.of(status, CIRCLE), Arguments.of(status, CONFERENCE)));
  }

  @Test
  void overEighteenIsTheReasonGivenEvenWhenOtherRulesAlsoRefuse() {
    Outcome outcome = evaluate(19, NOT_IN_COHORT, null, CIRCLE, true);

    assertThat(outcome.eligible()).isFalse();
    assertThat(outcome.reason()).contains("over 18");
  }

  @Test
  void everyRequestGetsADecisionAndEveryRefusalGivesAReason() {
    List<String> problems = new ArrayList<>();
    List<String> statuses = new ArrayList<>(ADVICE_ONLY_STATUSES);
    statuses.addAll(CIRCLE_OR_CONFERENCE_STATUSES);
    statuses.add(NOT_IN_COHORT);
    int refusals = 0;
    for (int age : new int[] {0, 10, 18, 19}) {
      for (String status : statuses) {
        List<Integer> monthsOptions = PREVIOUSLY_IN_CARE.equals(status) ? Arrays.asList(0, 72, 73) : Arrays.asList((Integer) null);
        for (Integer months : monthsOptions) {
          for (String service : SERVICES) {
            for (boolean facilitator : new boolean[] {false, true}) {
              Outcome outcome = evaluate(age, status, months, service, facilitator);
              String request = "age " + age + ", " + status + ", months " + months + ", " + service
                  + ", facilitator " + facilitator;
              if (outcome.eligible() == null) {
                problems.add(request + ": no eligible output");
              } else if (!outcome.eligible()) {
                refusals++;
                if (outcome.reason() == null || outcome.reason().isBlank()) {
                  problems.add(request + ": refused without a reason");
                }
              }
            }
          }
        }
      }
    }

    assertThat(refusals).isPositive();
    assertThat(problems).isEmpty();
  }

  private static Integer monthsSinceCareEndedFor(String legalStatus) {
    return PREVIOUSLY_IN_CARE.equals(legalStatus) ? 24 : null;
  }

  private static Outcome evaluate(Integer childAgeYears, String legalStatus, Integer monthsSinceCareEnded,
      String serviceWanted, Boolean trainedFacilitatorInSchool) {
    VariableMap variables = Variables.createVariables()
        .putValue(ReferralVariables.CHILD_AGE_YEARS, childAgeYears)
        .putValue(ReferralVariables.LEGAL_STATUS, legalStatus)
        .putValue(ReferralVariables.MONTHS_SINCE_CARE_ENDED, monthsSinceCareEnded)
        .putValue(ReferralVariables.SERVICE_WANTED, serviceWanted)
        .putValue(ReferralVariables.TRAINED_FACILITATOR_IN_SCHOOL, trainedFacilitatorInSchool);
    DmnDecisionTableResult result = DECISION.evaluate(variables);
    assertThat(result).as("rules matched (hit policy FIRST)").hasSize(1);
    return new Outcome(result.getSingleResult().getEntry(ReferralVariables.ELIGIBLE),
        result.getSingleResult().getEntry(ReferralVariables.ELIGIBILITY_REASON));
  }

  private record Outcome(Boolean eligible, String reason) {
  }
}
