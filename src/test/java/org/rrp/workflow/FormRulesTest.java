package org.rrp.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.rrp.workflow.FormRulesTest.Rule.*;
import static org.rrp.workflow.casework.CaseVariables.*;
import static org.rrp.workflow.circle.CircleVariables.*;
import static org.rrp.workflow.conference.ConferenceVariables.*;
import static org.rrp.workflow.referral.ReferralVariables.*;
import static org.rrp.workflow.training.TrainingVariables.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.FormInput;
import org.rrp.workflow.casework.InvalidInputException;
import org.rrp.workflow.circle.CircleVariables;
import org.rrp.workflow.conference.ConferenceVariables;
import org.rrp.workflow.referral.ReferralVariables;
import org.rrp.workflow.training.TrainingRules;
import org.rrp.workflow.training.TrainingVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Forms and server hold the same rules. For every form in {@code forms/}: each rule the form declares (required, the
 * email pattern, no passed dates, a number's least and greatest) is one the server checks, and each rule the server
 * checks is declared by the form, unless form-js (1.8, in Tasklist 7.24) cannot say it: those are
 * {@link #INEXPRESSIBLE}, each with its reason. The server's side is not taken on trust: each rule of the inventory
 * below is broken in a submission to the form's own check (the listener the model names for the form) and must be
 * refused with its plain sentence. Maximum lengths are held the same way by {@code FormLimitsTest}.
 */
@EngineTest
class FormRulesTest {

  enum Rule {
    /** A value must be given (a checkbox: must be ticked). */
    REQUIRED,
    /** An email address by {@link FormInput#EMAIL_PATTERN}, in the form as {@code validate.pattern}. */
    EMAIL,
    /** A date (and time) not before today: the form's {@code disallowPassedDates}. */
    NOT_IN_PAST,
    /** A number's least value ({@code validate.min}), and its greatest ({@code validate.max}). */
    MIN, MAX,
    /** A date not after today. */
    NOT_IN_FUTURE,
    /** A checkbox must be answered yes or no. */
    ANSWERED,
    /** A text of a set shape ({@code validate.pattern}), the server's own pattern, e.g. a setting's identifier. */
    PATTERN
  }

  /** The patterns other than the email's the server checks, each by the field it shapes (the form's own text). */
  static final Map<String, String> PATTERNS = Map.of(SETTING_ID, TrainingRules.SETTING_ID_PATTERN);

  /** What the form cannot declare, and why; the server alone checks it, in a plain sentence naming the field. */
  static final Map<Rule, String> INEXPRESSIBLE = Map.of(
      NOT_IN_FUTURE, "form-js 1.8's date field offers disallowPassedDates (no day before today) but no latest day:"
          + " 'not in the future' (a date of birth, the day a meeting was held) cannot be declared in a form",
      ANSWERED, "a checkbox always submits true or false, so the form has nothing to declare; the server's check"
          + " guards submissions made without the form");

  /*
   * Not in the inventory, because no form-js 1.8 rule compares two fields or a field with the case: a review after
   * the initial meeting, the day a meeting was held not before it was arranged, care ending after birth, a follow-up
   * after the conference, an action not due before the meeting that agreed it, attendance recorded only once the
   * training event has started, a follow-up workshop not before the training event, a known district or area, a chosen event still bookable, "suitable" only with
   * responsibility accepted and risk managed ticked. The server checks each
   * (see the process tests), with a plain sentence naming the field.
   */

  record Check(String field, Rule rule, String refusal, Map<String, Object> given) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String YESTERDAY = "yesterday";
  static final String TOMORROW = "tomorrow";

  /** The server's checks, form by form: what breaks each, the sentence refusing it, and what else must be given. */
  static final Map<String, List<Check>> SERVER = new LinkedHashMap<>();
  /** What a check reads from the case besides the form, form by form. */
  static final Map<String, Map<String, Object>> CASE = new HashMap<>();
  /** A valid row of each list, whose one field a check then breaks. */
  static final Map<String, Map<String, Object>> VALID_ROW = new HashMap<>();

  static final String ADULTS = """
      [{"name":"Kit Pupil","role":"person-harmed","email":"kit.pupil@example.org","child":false},
       {"name":"Robin Testchild","role":"person-who-caused-harm","email":"robin.testchild@example.org","child":false}]""";
  static final String CHILD_FIRST = """
      [{"name":"Kit Pupil","role":"person-harmed","email":"kit.pupil@example.org","child":true,
        "parentCarerName":"Lou Parent","parentCarerEmail":"lou.parent@example.org"}]""";
  /** A valid row of each list, by the list's path. */
  static final String ROWS = """
      {"participants": {"name":"Sky Teacher","email":"sky.teacher@example.org"},
       "actionPlan": {"what":"Check in daily","owner":"Sky Teacher","ownerEmail":"sky.teacher@example.org","byWhen":"2099-12-31"},
       "newActions": {"what":"Check in daily","owner":"Sky Teacher","ownerEmail":"sky.teacher@example.org","byWhen":"2099-12-31"},
       "conferenceParticipants": {"name":"Kit Pupil","role":"person-harmed","email":"kit.pupil@example.org","child":true,
                                  "parentCarerName":"Lou Parent","parentCarerEmail":"lou.parent@example.org"},
       "leads": {"name":"Pat Head","role":"Deputy head","seniorLeader":true,"email":"pat.head@example.org"},
       "attendees": {"name":"Pat Head","role":"Deputy head","seniorLeader":true},
       "commitmentEvidence": {"commitment":"Share the video","evidence":"Shared at our INSET day."},
       "sessions": {"session":"Follow-up workshop","heldOn":"2020-01-06","attended":true}}""";
  static final String STAGE = """
      [{"order":1,"id":"awareness","name":"Awareness","consistsOf":"A session","leadsToAttend":1,
        "seniorLeaderRequired":false,"commitments":["Share the video"],"sessionsToRecord":["Follow-up workshop"],
        "byInvitation":false,"prerequisite":null,"timescaleTerms":1,"certificate":false,"championRequired":true}]""";

  static {
    try {
      JSON.readTree(ROWS).fields().forEachRemaining(list -> VALID_ROW.put(list.getKey(), JSON.convertValue(list.getValue(), Map.class)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }

    Map<String, Object> stop = Map.of(STOP_CASE, true);
    Map<String, Object> pause = Map.of(PAUSE_JOURNEY, true);
    List<Check> stopping = List.of(check(STOP_REASON, REQUIRED, "Why the case stops is required.", stop));

    form("request-support",
        check(REFERRER_NAME, REQUIRED, "Your name is required."),
        check(REFERRER_ROLE, REQUIRED, "Your role is required."),
        check(REFERRER_SETTING, REQUIRED, "Your school, setting or team is required."),
        check(REFERRER_EMAIL, REQUIRED, "Your email is required."),
        check(REFERRER_EMAIL, EMAIL, "Your email is not a valid email address."),
        check(CHILD_NAME, REQUIRED, "The child's name is required."),
        check(CHILD_DATE_OF_BIRTH, REQUIRED, "The child's date of birth is required."),
        check(CHILD_DATE_OF_BIRTH, NOT_IN_FUTURE, "The child's date of birth is in the future."),
        check(CHILD_YEAR_GROUP, REQUIRED, "Year group is required."),
        check(LEGAL_STATUS, REQUIRED, "Legal status is required."),
        check(CARE_ENDED_ON, REQUIRED, "The date the child left care is required.", Map.of(LEGAL_STATUS, PREVIOUSLY_IN_CARE)),
        check(CARE_ENDED_ON, NOT_IN_FUTURE, "The date the child left care is in the future.", Map.of(LEGAL_STATUS, PREVIOUSLY_IN_CARE)),
        check(SETTING_NAME, REQUIRED, "The school or setting is required."),
        check(SETTING_DISTRICT, REQUIRED, "The district of the setting is required."),
        check(DIFFICULTY, REQUIRED, "What is stuck is required."),
        check(SERVICE_WANTED, REQUIRED, "The service wanted is required."),
        check(TRAINED_FACILITATOR_IN_SCHOOL, ANSWERED, "Whether the school has a trained facilitator must be answered yes or no."),
        check(PARENT_CARER_AGREEMENT, REQUIRED, "A referral needs a parent or carer's agreement"));
    form("review-ineligible-request",
        check(INELIGIBLE_DECISION, REQUIRED, "Your decision is required."),
        check(OVERRIDE_REASON, REQUIRED, "The reason for the override is required.", Map.of(INELIGIBLE_DECISION, OVERRIDE)),
        check(DECLINE_REASON, REQUIRED, "Why the request is declined is required.", Map.of(INELIGIBLE_DECISION, ReferralVariables.DECLINE)),
        check(SIGNPOSTING, REQUIRED, "Signposting for the referrer is required.", Map.of(INELIGIBLE_DECISION, ReferralVariables.DECLINE)));
    form("triage-request",
        check(SERVICE, REQUIRED, "The confirmed service is required."),
        check(AREA, REQUIRED, "The area is required."),
        check(SERVICE_CHANGE_REASON, REQUIRED, "The reason for changing the service is required.",
            Map.of(SERVICE, SOLUTION_FOCUSED_CIRCLE)));
    CASE.put("triage-request", Map.of(SERVICE_WANTED, ADVICE_AND_GUIDANCE));
    form("allocate-advisor-by-hand",
        check(ADVISOR_ID, REQUIRED, "The advisor's user id is required."));
    form("give-advice-and-guidance",
        check(ADVICE_GIVEN, REQUIRED, "The advice and guidance given is required."),
        check(CASE_OUTCOME, REQUIRED, "The outcome of the case is required."));

    form("arrange-initial-meeting", join(named(CircleVariables.PARTICIPANTS, "Participant 1"), stopping),
        check(INITIAL_MEETING_AT, REQUIRED, "The date and time of the initial meeting is required."),
        check(INITIAL_MEETING_AT, NOT_IN_PAST, "The initial meeting must be in the future."),
        check(MEETING_VENUE, REQUIRED, "The venue is required."));
    form("record-initial-meeting", join(actions(ACTION_PLAN, "Action 1", ""), stopping),
        check(INITIAL_MEETING_HELD_ON, REQUIRED, "The date the initial meeting was held is required."),
        check(INITIAL_MEETING_HELD_ON, NOT_IN_FUTURE, "The date the initial meeting was held is in the future:"
            + " record the meeting once it has taken place."),
        check(ISSUE_INTRODUCED, REQUIRED, "The issue as introduced is required."),
        check(CLARIFICATION, REQUIRED, "The clarification is required."),
        check(SUGGESTIONS, REQUIRED, "What was suggested is required."),
        check(CHILDS_VIEW, REQUIRED, "The child's view is required."));
    form("arrange-review-meeting", join(named(CircleVariables.PARTICIPANTS, "Participant 1"), stopping),
        check(REVIEW_MEETING_AT, REQUIRED, "The date and time of the review meeting is required."),
        check(REVIEW_MEETING_AT, NOT_IN_PAST, "The review meeting must be in the future."),
        check(REVIEW_VENUE, REQUIRED, "The venue is required."));
    CASE.put("arrange-review-meeting", Map.of(INITIAL_MEETING_AT, "2020-01-06T10:00Z"));
    form("record-review-meeting", join(actions(NEW_ACTIONS, "New action 1", ""), stopping),
        check(REVIEW_MEETING_HELD_ON, REQUIRED, "The date the review meeting was held is required."),
        check(REVIEW_MEETING_HELD_ON, NOT_IN_FUTURE, "The date the review meeting was held is in the future:"
            + " record the meeting once it has taken place."),
        check(ASPIRATIONS, REQUIRED, "What everyone hopes for is required."),
        check(AIDS, REQUIRED, "What is helping is required."),
        check(OBSTACLES, REQUIRED, "What is getting in the way is required."));
    form("record-circle-outcome", stopping,
        check(CASE_OUTCOME, REQUIRED, "The outcome of the case is required."),
        check(SIGNPOSTING, REQUIRED, "The signposting is required."));

    form("assess-conference-suitability", stopping,
        check(CONFERENCE_SUITABLE, REQUIRED, "Whether a conference is suitable is required."),
        check(SUITABILITY_NOTES, REQUIRED, "The note on suitability and risk is required."),
        check(CO_FACILITATOR, REQUIRED, "The co-facilitator's name is required.", Map.of(CONFERENCE_SUITABLE, SUITABLE,
            RESPONSIBILITY_ACCEPTED, true, RISK_MANAGED, true, CO_FACILITATOR_NEEDED, true)));
    form("name-conference-participants", join(named(ConferenceVariables.PARTICIPANTS, "Participant 1"), stopping),
        check(ConferenceVariables.PARTICIPANTS + ".role", REQUIRED, "Participant 1 needs a role from the list."),
        check(ConferenceVariables.PARTICIPANTS + ".parentCarerName", REQUIRED, "Participant 1 is a child: name the parent or carer who consents alongside them."),
        check(ConferenceVariables.PARTICIPANTS + ".parentCarerEmail", REQUIRED, "Participant 1 is a child: their parent or carer needs a valid email address."),
        check(ConferenceVariables.PARTICIPANTS + ".parentCarerEmail", EMAIL, "Participant 1 is a child: their parent or carer needs a valid email address."));
    form("record-preparation-meeting", stopping,
        check(PREPARATION_MEETING_ON, REQUIRED, "The date of the preparation meeting is required."),
        check(PREPARATION_MEETING_ON, NOT_IN_FUTURE, "The date of the preparation meeting must not be in the future."),
        check(PREPARATION_NOTES, REQUIRED, "What was explained and prepared is required."));
    form("record-consent", stopping,
        check(CONSENT, REQUIRED, "The participant's own consent is required."),
        check(PARENT_CARER_CONSENT, REQUIRED, "The parent's or carer's consent is required."));
    CASE.put("record-consent", Map.of(PARTICIPANT_NUMBER, 1, ConferenceVariables.PARTICIPANTS, CHILD_FIRST,
        PARTICIPANT_IS_CHILD, true));
    form("arrange-conference", stopping,
        check(CONFERENCE_AT, REQUIRED, "The date and time of the conference is required."),
        check(CONFERENCE_AT, NOT_IN_PAST, "The conference must be in the future."),
        check(CONFERENCE_VENUE, REQUIRED, "The venue is required."),
        check(CONFERENCE_ATTENDEES, REQUIRED, "Choose who attends."));
    CASE.put("arrange-conference", Map.of(ConferenceVariables.PARTICIPANTS, ADULTS));
    form("record-conference", join(actions(ACTION_PLAN, "Action 1", "."), stopping),
        check(CONFERENCE_HELD_ON, REQUIRED, "The date the conference was held is required."),
        check(CONFERENCE_HELD_ON, NOT_IN_FUTURE, "The date the conference was held is in the future:"
            + " record the meeting once it has taken place."),
        check(WHAT_HAPPENED, REQUIRED, "What happened is required."),
        check(WHO_WAS_AFFECTED, REQUIRED, "Who was affected and how is required."),
        check(AGREED_BY, REQUIRED, "has not agreed to the outcome agreement"),
        check(FOLLOW_UP_ON, REQUIRED, "The follow-up date is required."));
    CASE.put("record-conference", Map.of(ConferenceVariables.PARTICIPANTS, ADULTS, CONFERENCE_AT, "2020-01-06T10:00Z"));
    form("follow-up-conference-agreement", stopping,
        check(AGREEMENT_KEPT, REQUIRED, "Whether the agreement was kept is required."),
        check(FOLLOW_UP_NOTES, REQUIRED, "The follow-up note is required."),
        check(OUTCOME_FOR_PERSON_HARMED, REQUIRED, "What the person harmed is told is required."),
        check(CASE_OUTCOME, REQUIRED, "The outcome for the referrer is required."));
    CASE.put("follow-up-conference-agreement", Map.of(CONFERENCE_AT, "2020-01-06T10:00Z"));
    form("choose-conference-alternative",
        check(ALTERNATIVE_SERVICE, REQUIRED, "The alternative route is required."),
        check(CASE_OUTCOME, REQUIRED, "The outcome for the referrer is required.", Map.of(ALTERNATIVE_SERVICE, NO_ALTERNATIVE)));

    form("add-training-event",
        check(EVENT_STAGE, REQUIRED, "The stage is required."),
        check(EVENT_TITLE, REQUIRED, "The event's title is required."),
        check(EVENT_STARTS_AT, REQUIRED, "The date and time of the event is required."),
        check(EVENT_STARTS_AT, NOT_IN_PAST, "The event must be in the future."),
        check(EVENT_VENUE, REQUIRED, "The venue is required."),
        check(EVENT_PLACES, REQUIRED, "The number of places must be a whole number from 1 to 500."),
        check(EVENT_PLACES, MIN, "The number of places must be a whole number from 1 to 500."),
        check(EVENT_PLACES, MAX, "The number of places must be a whole number from 1 to 500."));
    form("enrol-setting", named(LEADS, "Setting lead 1"),
        check(SETTING_ID, REQUIRED, "The setting's identifier is required."),
        check(SETTING_ID, PATTERN, "The setting's identifier must be 3 to 20 letters, digits or hyphens"),
        check(SETTING_NAME, REQUIRED, "The setting's name is required."),
        check(AREA, REQUIRED, "The setting's area is required."),
        check(SETTING_PHASE, REQUIRED, "The setting's phase is required."),
        check(LEADS + ".role", REQUIRED, "Setting lead 1 has no role."),
        check(LEADS + ".seniorLeader", ANSWERED, "Setting lead 1: say whether they are a senior leader."));
    List<Check> pausing = List.of(
        check(PAUSE_REASON, REQUIRED, "Why the journey pauses is required.", pause),
        check(RESUME_BY, REQUIRED, "When to look at the journey again is required.", pause),
        check(RESUME_BY, NOT_IN_PAST, "When to look at the journey again must be today or a later day.", pause));
    form("evidence-embedding", pausing,
        check(EMBEDDING_EVIDENCE, REQUIRED, "The evidence that the practice is embedded is required."));
    form("decide-stage-opening",
        check(STAGE_OPENING, REQUIRED, "Whether the stage opens is required."),
        check(OPENING_NOTE, REQUIRED, "The note to the setting is required when the stage does not open.",
            Map.of(STAGE_OPENING, TrainingVariables.DECLINE)));
    form("book-training-event", pausing,
        check(TRAINING_EVENT, REQUIRED, "The training event is required."));
    form("record-training-attendance", pausing,
        check(ATTENDANCE, REQUIRED, "Whether the setting attended is required."),
        check(ATTENDEES + ".name", REQUIRED, "Attendee 1 has no name.", Map.of(ATTENDANCE, ATTENDED)));
    form("evidence-commitments", pausing,
        check(COMMITMENT_EVIDENCE + ".evidence", REQUIRED, "Commitment 1 has no evidence."),
        check(CHAMPION_NAME, REQUIRED, "The Student Ambassador Champion's name is required."),
        check(CHAMPION_EMAIL, REQUIRED, "The Student Ambassador Champion's email is required."),
        check(CHAMPION_EMAIL, EMAIL, "The Student Ambassador Champion's email is not a valid email address."));
    form("confirm-stage-evidence", pausing,
        check(EVIDENCE_NOTE, REQUIRED, "The note to the setting is required when the evidence is not accepted.",
            Map.of(EVIDENCE_ACCEPTED, false)),
        check(SESSIONS + ".heldOn", REQUIRED, "Workshop or session 1 needs the date it was held", Map.of(EVIDENCE_ACCEPTED, true)),
        check(SESSIONS + ".heldOn", NOT_IN_FUTURE, "Workshop or session 1 cannot be held in the future.",
            Map.of(EVIDENCE_ACCEPTED, true)),
        check(SESSIONS + ".attended", REQUIRED, "Workshop or session 1 is not recorded as attended.",
            Map.of(EVIDENCE_ACCEPTED, true)));
    Map<String, Object> stage = Map.of(CATALOGUE, STAGE, STAGE_ID, "awareness", TRAINING_EVENT_AT, "2020-01-06T09:00Z");
    List.of("evidence-embedding", "book-training-event", "record-training-attendance", "evidence-commitments",
        "confirm-stage-evidence").forEach(form -> CASE.put(form, stage));
    form("resume-journey");
  }

  private static void form(String id, Check... checks) {
    SERVER.put(id, List.of(checks));
  }

  private static void form(String id, List<Check> shared, Check... checks) {
    List<Check> all = new ArrayList<>(List.of(checks));
    all.addAll(shared);
    SERVER.put(id, all);
  }

  @SafeVarargs
  private static List<Check> join(List<Check>... parts) {
    return Stream.of(parts).flatMap(List::stream).toList();
  }

  /** The checks of a list's row naming a person: a name, and an email address by the one pattern. */
  private static List<Check> named(String list, String row) {
    return List.of(
        check(list + ".name", REQUIRED, row + " has no name."),
        check(list + ".email", REQUIRED, row + " needs a valid email address."),
        check(list + ".email", EMAIL, row + " needs a valid email address."));
  }

  /** The checks of an action plan's row: what, who (an owner with an email address), by when ({@code end} ends that sentence). */
  private static List<Check> actions(String list, String row, String end) {
    return List.of(
        check(list + ".what", REQUIRED, row + " does not say what is to be done."),
        check(list + ".owner", REQUIRED, row + " has no owner."),
        check(list + ".ownerEmail", REQUIRED, row + ": the owner needs a valid email address."),
        check(list + ".ownerEmail", EMAIL, row + ": the owner needs a valid email address."),
        check(list + ".byWhen", REQUIRED, row + " needs a date to be done by" + end));
  }

  private static Check check(String field, Rule rule, String refusal) {
    return new Check(field, rule, refusal, Map.of());
  }

  private static Check check(String field, Rule rule, String refusal, Map<String, Object> given) {
    return new Check(field, rule, refusal, given);
  }

  // ---- the tests -------------------------------------------------------------------------------------------

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("forms")).filter(path -> path.toString().endsWith(".form")).sorted();
  }

  @Autowired
  ApplicationContext beans;

  @ParameterizedTest
  @MethodSource("forms")
  void theFormDeclaresTheRulesTheServerChecksAndNoOthers(Path file) throws IOException {
    JsonNode form = JSON.readTree(file.toFile());
    String id = form.path("id").asText();
    assertThat(SERVER).as("the server's rules of every form are listed here; add those of " + id).containsKey(id);

    Set<String> declared = new TreeSet<>();
    rules(form.path("components"), "", declared);
    Set<String> checked = new TreeSet<>();
    SERVER.get(id).stream().filter(check -> !INEXPRESSIBLE.containsKey(check.rule()))
        .forEach(check -> checked.add(check.field() + " " + check.rule()));

    assertThat(declared).as(id + ": the rules the form declares are those the server checks (a rule of the form the"
        + " server does not check, or one of the server's the form lacks)").isEqualTo(checked);
  }

  @ParameterizedTest
  @MethodSource("forms")
  void theServerRefusesWhatBreaksEachRuleWithItsSentence(Path file) throws IOException {
    String id = JSON.readTree(file.toFile()).path("id").asText();
    Object listener = checkOf(id);
    for (Check check : SERVER.getOrDefault(id, List.of())) {
      Map<String, Object> variables = new HashMap<>(CASE.getOrDefault(id, Map.of()));
      variables.putAll(check.given());
      broken(check, variables);

      Throwable refusal = catchThrowable(() -> run(listener, variables));

      assertThat(refusal).as(id + ": " + check.field() + " " + check.rule() + " is refused").isInstanceOf(InvalidInputException.class);
      assertThat(((InvalidInputException) refusal).getProblems()).as(id + ": " + check.field() + " " + check.rule())
          .anySatisfy(problem -> assertThat(problem).contains(check.refusal()));
    }
  }

  @ParameterizedTest
  @MethodSource("forms")
  void everyCheckboxTakesOnlyYesOrNoAndTheServerCouldNotReadAnythingElse(Path file) throws IOException {
    JsonNode form = JSON.readTree(file.toFile());
    String id = form.path("id").asText();
    Object listener = checkOf(id);
    List<String> checkboxes = new ArrayList<>();
    checkboxes(form.path("components"), checkboxes);
    for (String checkbox : checkboxes) {
      Map<String, Object> variables = new HashMap<>(CASE.getOrDefault(id, Map.of()));
      variables.put(checkbox, false);
      assertThat(problemsOf(listener, variables)).as(id + ": " + checkbox + " unticked")
          .noneMatch(problem -> problem.endsWith(" could not be read."));

      variables.put(checkbox, "true");
      assertThat(problemsOf(listener, variables)).as(id + ": " + checkbox + " sent as the text \"true\"")
          .anyMatch(problem -> problem.endsWith(" could not be read.")).noneMatch(problem -> problem.contains("\"true\""));
    }
  }

  @Test
  void theCoFacilitatorIsAskedForOnlyWhenTheServerNeedsOneForAConferenceThatIsSuitable() throws IOException {
    JsonNode field = JSON.readTree(Path.of("forms/assess-conference-suitability.form").toFile()).findParents("key").stream()
        .filter(component -> CO_FACILITATOR.equals(component.path("key").asText())).findFirst().orElseThrow();
    assertThat(field.path("conditional").path("hide").asText())
        .isEqualTo("=" + CO_FACILITATOR_NEEDED + " != true or " + CONFERENCE_SUITABLE + " != \"" + SUITABLE + "\"");
  }

  /** The problems a check finds in these variables; none when it accepts them (or ends the task another way). */
  private static List<String> problemsOf(Object listener, Map<String, Object> variables) {
    Throwable refusal = catchThrowable(() -> run(listener, variables));
    return refusal instanceof InvalidInputException invalid ? invalid.getProblems() : List.of();
  }

  /** The keys of a form's checkboxes, outside lists (a list's rows are read as JSON, each row's fields typed). */
  private static void checkboxes(JsonNode components, List<String> keys) {
    for (JsonNode component : components) {
      if ("checkbox".equals(component.path("type").asText())) {
        keys.add(component.path("key").asText());
      } else if (component.has("components") && !"dynamiclist".equals(component.path("type").asText())) {
        checkboxes(component.path("components"), keys);
      }
    }
  }

  @Test
  void everyRuleTheFormsCannotDeclareIsAnExplainedExceptionWithAPlainSentence() {
    SERVER.values().stream().flatMap(List::stream).filter(check -> INEXPRESSIBLE.containsKey(check.rule()))
        .forEach(check -> assertThat(check.refusal()).as(check.field())
            .matches("[A-Z][^{}\\[\\]<>]*").doesNotContain("Exception").doesNotContain("ENGINE-"));
    assertThat(INEXPRESSIBLE.keySet()).containsExactlyInAnyOrder(NOT_IN_FUTURE, ANSWERED);
  }

  @Test
  void everyEmailFieldOfEveryFormUsesTheServersOnePattern() throws IOException {
    List<String> emailFields = new ArrayList<>();
    for (Path file : forms().toList()) {
      collectEmailFields(JSON.readTree(file.toFile()).path("components"), file.getFileName().toString(), emailFields);
    }
    assertThat(emailFields).as("email fields found").hasSizeGreaterThan(9)
        .allSatisfy(field -> assertThat(field).endsWith(" " + FormInput.EMAIL_PATTERN));
  }

  @ParameterizedTest
  @CsvSource({"100001, true", "Brook-field-01, true", "ab1, true", "12345678901234567890, true", "ab, false",
      "123456789012345678901, false", "URN 100001, false", "100001!, false", "'', false"})
  void theFormsPatternAndTheServerAgreeOnEachSettingIdentifier(String identifier, boolean valid) {
    boolean formAccepts = Pattern.compile(PATTERNS.get(SETTING_ID)).matcher(identifier).find(); // as form-js does
    assertThat(formAccepts).as("the form, on " + identifier).isEqualTo(valid);
    assertThat(TrainingRules.isSettingId(identifier)).as("the server, on " + identifier).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({
      "name@example.org, true", "first.last+rrp@school.example.org, true", "o'brien@example.org, true",
      "name@example, false", "name.example.org, false", "name@@example.org, false", "name @example.org, false",
      "@example.org, false", "name@, false", "name@example., false", "'', false",
  })
  void theFormsPatternAndTheServerAgreeOnEachAddress(String address, boolean valid) {
    boolean formAccepts = Pattern.compile(FormInput.EMAIL_PATTERN).matcher(address).find(); // as form-js: new RegExp(p).test(v)
    assertThat(formAccepts).as("the form, on " + address).isEqualTo(valid);
    assertThat(FormInput.isEmail(address)).as("the server, on " + address).isEqualTo(valid);
  }

  // ---- reading forms -----------------------------------------------------------------------------------------

  /** Each input field's rules as {@code path RULE}; read-only and disabled fields submit nothing, so have none. */
  private static void rules(JsonNode components, String prefix, Set<String> rules) {
    for (JsonNode component : components) {
      if (component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
        continue;
      }
      if ("dynamiclist".equals(component.path("type").asText())) {
        rules(component.path("components"), component.path("path").asText() + ".", rules);
      } else if (component.has("components")) {
        rules(component.path("components"), prefix, rules);
      } else if (component.hasNonNull("key")) {
        String field = prefix + component.path("key").asText();
        JsonNode validate = component.path("validate");
        if (validate.path("required").asBoolean(false)) {
          rules.add(field + " " + REQUIRED);
        }
        if (validate.has("pattern")) {
          String pattern = validate.path("pattern").asText();
          rules.add(field + " " + (FormInput.EMAIL_PATTERN.equals(pattern) ? EMAIL
              : pattern.equals(PATTERNS.get(component.path("key").asText())) ? PATTERN : "pattern " + pattern
              + " (not the server's)"));
        }
        if (validate.has("validationType")) {
          rules.add(field + " validationType " + validate.path("validationType").asText()
              + " (form-js's own email rule is not the server's: use the pattern)");
        }
        if (component.path("disallowPassedDates").asBoolean(false)) {
          rules.add(field + " " + NOT_IN_PAST);
        }
        if (validate.has("min")) {
          rules.add(field + " " + MIN);
        }
        if (validate.has("max")) {
          rules.add(field + " " + MAX);
        }
        if (validate.has("minLength")) {
          rules.add(field + " minLength (not checked by the server)");
        }
      }
    }
  }

  private static void collectEmailFields(JsonNode components, String form, List<String> fields) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collectEmailFields(component.path("components"), form, fields);
      } else if (component.path("key").asText().toLowerCase().contains("email") && !"expression".equals(component.path("type").asText())) {
        fields.add(form + " " + component.path("key").asText() + " " + component.path("validate").path("pattern").asText("(no pattern)"));
      }
    }
  }

  // ---- the server's side ---------------------------------------------------------------------------------------

  /** The listener the models name for the form: a user task's complete listener, or a start event's start listener. */
  private Object checkOf(String formId) {
    List<String> names = new ArrayList<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path path : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(path.toFile());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          if (formId.equals(task.getCamundaFormRef())) {
            task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                .filter(listener -> "complete".equals(listener.getCamundaEvent()))
                .forEach(listener -> names.add(listener.getCamundaDelegateExpression()));
          }
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
          if (formId.equals(start.getCamundaFormRef())) {
            start.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list().stream()
                .filter(listener -> "start".equals(listener.getCamundaEvent()))
                .forEach(listener -> names.add(listener.getCamundaDelegateExpression()));
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    assertThat(names).as("the one server check the models name for " + formId).hasSize(1);
    return beans.getBean(names.get(0).replaceAll("^\\$\\{(.*)}$", "$1"));
  }

  /** The variables with the check's field broken: left out (or unticked), an address without a dot, a day out of range. */
  private static void broken(Check check, Map<String, Object> variables) {
    String field = check.field();
    Object value = switch (check.rule()) {
      case REQUIRED, ANSWERED -> null;
      case EMAIL -> "name@example";
      case PATTERN -> "URN 100001";
      case NOT_IN_PAST -> YESTERDAY;
      case NOT_IN_FUTURE -> TOMORROW;
      case MIN -> 0L;
      case MAX -> 501L;
    };
    int dot = field.indexOf('.');
    if (dot < 0) {
      variables.put(field, value == null ? (check.rule() == REQUIRED && isTickBox(field) ? Boolean.FALSE : null)
          : dated(value, field));
      return;
    }
    String list = field.substring(0, dot);
    String key = field.substring(dot + 1);
    Map<String, Object> row = new LinkedHashMap<>(VALID_ROW.getOrDefault(list, Map.of()));
    if (value == null && check.rule() == REQUIRED && row.get(key) instanceof Boolean) {
      row.put(key, false);
    } else if (value == null) {
      row.remove(key);
    } else {
      row.put(key, dated(value, key));
    }
    variables.put(list, json(List.of(row)));
  }

  /** Fields that are tick boxes: for them "required" means ticked. */
  private static boolean isTickBox(String field) {
    return Set.of(PARENT_CARER_AGREEMENT).contains(field);
  }

  private static Object dated(Object value, String field) {
    boolean dateTime = field.endsWith("At");
    ZonedDateTime now = CaseClock.now();
    if (YESTERDAY.equals(value)) {
      return dateTime ? now.minusDays(1).toOffsetDateTime().toString() : now.toLocalDate().minusDays(1).toString();
    }
    if (TOMORROW.equals(value)) {
      return dateTime ? now.plusDays(1).toOffsetDateTime().toString() : now.toLocalDate().plusDays(1).toString();
    }
    return value;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs the check on a task (or start event) whose variables are these, as the engine does on completion. */
  private static void run(Object listener, Map<String, Object> variables) throws Exception {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    when(execution.hasVariable(anyString())).thenAnswer(call -> variables.containsKey(call.<String>getArgument(0)));
    when(execution.getVariables()).thenAnswer(call -> new HashMap<>(variables));
    if (listener instanceof ExecutionListener start) {
      start.notify(execution);
      return;
    }
    DelegateTask task = mock(DelegateTask.class);
    when(task.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    when(task.hasVariable(anyString())).thenAnswer(call -> variables.containsKey(call.<String>getArgument(0)));
    when(task.getVariables()).thenAnswer(call -> new HashMap<>(variables));
    when(task.getExecution()).thenReturn(execution);
    when(task.getCreateTime()).thenReturn(Date.from(CaseClock.now().minusDays(2).toInstant()));
    ((TaskListener) listener).notify(task);
  }
}
