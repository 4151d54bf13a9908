package org.rrp.workflow.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/**
 * A value of the wrong kind is told apart from a missing one, numbers are read without wrapping round, checkboxes
 * take only yes or no, and no sentence teaches a machine format.
 */
class FormInputTest {

  private final Map<String, Object> submitted = new HashMap<>();
  private final FormInput input = new FormInput(scope(submitted));

  @Test
  void aValueOfTheWrongKindCouldNotBeReadWhereAMissingOneIsRequired() {
    submitted.put("yourName", 42L);
    submitted.put("birthday", new Date());
    submitted.put("yourSetting", "  ");
    submitted.put("notes", List.of("a"));

    assertThat(input.requiredText("yourName", "Your name")).isNull();
    assertThat(input.requiredDate("birthday", "The child's date of birth")).isNull();
    assertThat(input.requiredText("yourSetting", "Your school, setting or team")).isNull();
    assertThat(input.requiredText("someName", "The child's name")).isNull();
    assertThat(input.optionalText("notes", "The triage note")).isNull();

    assertThat(problems()).containsExactly("Your name could not be read.",
        "The child's date of birth could not be read.", "Your school, setting or team is required.",
        "The child's name is required.", "The triage note could not be read.");
  }

  @Test
  void datesThatCannotBeReadAreRefusedWithoutTeachingAFormat() {
    submitted.put("birthday", "1899-12-31");
    submitted.put("leftCareOn", "31/12/2020");
    submitted.put("meetingAt", "2026-05-04 10:30");

    input.requiredDate("birthday", "The child's date of birth");
    input.requiredDate("leftCareOn", "The date the child left care");
    input.requiredDateTime("meetingAt", "The date and time of the initial meeting");

    assertThat(problems()).containsExactly("The child's date of birth is not a date from 1900 onwards.",
        "The date the child left care is not a date from 1900 onwards.",
        "The date and time of the initial meeting is not a date and time.");
    assertThat(problems()).noneMatch(problem -> problem.contains("YYYY") || problem.contains("T10"));
  }

  @Test
  void aCheckboxIsTickedOnlyByTrueAndAnythingButYesOrNoCouldNotBeRead() {
    submitted.put("stopBox", "true");
    submitted.put("attendsBox", "SECRETYES");
    submitted.put("riskBox", true);
    submitted.put("resolvedBox", false);

    assertThat(input.ticked("stopBox", "Stop the case early")).isFalse();
    assertThat(input.ticked("attendsBox", "Whether the child will attend")).isFalse();
    assertThat(input.ticked("riskBox", "Whether every risk is managed")).isTrue();
    assertThat(input.ticked("resolvedBox", "Whether the situation is resolved")).isFalse();
    assertThat(input.ticked("pauseBox", "Whether the journey pauses")).as("not submitted").isFalse();

    assertThat(problems()).containsExactly("Stop the case early could not be read.",
        "Whether the child will attend could not be read.");
  }

  @Test
  void aYesOrNoQuestionTellsAMissingAnswerFromOneOfTheWrongKind() {
    submitted.put("agreementBox", "yes");

    assertThat(input.requiredFlag("agreementBox", "Parent or carer agreement")).isNull();
    assertThat(input.requiredFlag("facilitatorBox", "Whether the school has a trained facilitator")).isNull();

    assertThat(problems()).containsExactly("Parent or carer agreement could not be read.",
        "Whether the school has a trained facilitator must be answered yes or no.");
  }

  @Test
  void aWholeNumberIsReadExactlySoALongBeyondAnIntDoesNotWrapRoundIntoRange() {
    assertThat(number(4_294_967_297L)).as("2^32 + 1, which intValue() reads as 1").isNull();
    assertThat(number((long) Integer.MAX_VALUE + 2)).isNull();
    assertThat(number(2.5)).isNull();
    assertThat(number(Double.NaN)).isNull();
    assertThat(number(0)).isNull();
    assertThat(number(501)).isNull();
    assertThat(problems()).hasSize(6)
        .allMatch("The number of places must be a whole number from 1 to 500."::equals);

    assertThat(number(1L)).isEqualTo(1);
    assertThat(number(500)).isEqualTo(500);
    assertThat(number(12.0)).isEqualTo(12);
    assertThat(number((short) 7)).isEqualTo(7);
    assertThat(problems()).hasSize(6);
  }

  @Test
  void aNumberThatIsNotOneCouldNotBeReadAndAMissingOneIsOutOfRange() {
    submitted.put("places", "12");
    assertThat(input.requiredWholeNumber("places", "The number of places", 1, 500)).isNull();
    submitted.remove("places");
    assertThat(input.requiredWholeNumber("places", "The number of places", 1, 500)).isNull();

    assertThat(problems()).containsExactly("The number of places could not be read.",
        "The number of places must be a whole number from 1 to 500.");
  }

  private Integer number(Number value) {
    submitted.put("places", value);
    return input.requiredWholeNumber("places", "The number of places", 1, 500);
  }

  private List<String> problems() {
    try {
      input.rejectIfInvalid();
      return List.of();
    } catch (InvalidInputException e) {
      return e.getProblems();
    }
  }

  private static VariableScope scope(Map<String, Object> variables) {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    return scope;
  }
}
