package org.rrp.workflow.benchmark;

import static org.rrp.workflow.casework.CaseVariables.*;
import static org.rrp.workflow.circle.CircleVariables.*;
import static org.rrp.workflow.referral.ReferralVariables.*;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.referral.ReferralRequests;

/**
 * One case, driven over {@code /engine-rest} as the people would drive it from Tasklist: for each task the person
 * finds it in a list, opens its form (the form variables) and submits the form. A whole-product Solution Focused
 * Circle case (the referrer's request, the coordinator's triage, allocation, the advisor's five circle forms with
 * their real data, closure), and the bare skeleton with the same calls on as many tasks.
 */
final class CaseDrivers {

  static final String EAST = "area-east-staffs-tamworth";
  static final String ADVISOR_OF_EAST = "alex";
  static final DateTimeFormatter MEETING = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");
  static final long PATIENCE_MILLIS = 120_000;

  private final Http http;

  CaseDrivers(Http http) {
    this.http = http;
  }

  /** A circle case from request to the last form; returns the referral's process instance id. */
  String circleCase() {
    Map<String, Object> request = new LinkedHashMap<>(ReferralRequests.valid());
    request.put(SERVICE_WANTED, SOLUTION_FOCUSED_CIRCLE);
    Map<String, Object> started = http.post("rosa", "process-definition/key/referral/submit-form",
        Map.of("variables", typed(request))).expect(200, "the request").object();
    String caseId = (String) started.get("id");
    String reference = (String) started.get("businessKey");

    Map<String, Object> triage = awaitTask("cora", "task?processInstanceId=" + caseId + "&taskDefinitionKey=Task_TriageRequest");
    work("cora", triage, Map.of(SERVICE, value(SOLUTION_FOCUSED_CIRCLE), AREA, value(EAST),
        TRIAGE_NOTES, value("Circle agreed with the school; mornings are the hard part.")));

    ZonedDateTime initial = CaseClock.now().plusDays(14).truncatedTo(ChronoUnit.DAYS).withHour(10);
    ZonedDateTime review = initial.plusDays(21);
    LocalDate actionDue = initial.toLocalDate().plusDays(7);
    String participants = "[{\"name\":\"Sky Teacher\",\"role\":\"class teacher\",\"email\":\"sky.teacher@example.org\"},"
        + "{\"name\":\"Jo Carer\",\"role\":\"kinship carer\",\"email\":\"jo.carer@example.org\"}]";
    String plan = "[{\"what\":\"Meet Robin at the gate each morning\",\"owner\":\"Sky Teacher\",\"ownerEmail\":\"sky.teacher@example.org\",\"byWhen\":\"" + actionDue + "\"},"
        + "{\"what\":\"Share the calm-down plan at home\",\"owner\":\"Jo Carer\",\"ownerEmail\":\"jo.carer@example.org\",\"byWhen\":\"" + actionDue.plusDays(14) + "\"}]";

    advisorWorks(reference, "Task_ArrangeInitialMeeting", Map.of(INITIAL_MEETING_AT, value(initial.format(MEETING)),
        MEETING_VENUE, value("Hollybank Primary, room 2"), PARTICIPANTS, json(participants), CHILD_ATTENDS, value(true),
        WHAT_TO_BRING, value("Your notes from home")));
    // Recorded as held today (a meeting is recorded only once held, and not before the day it was arranged).
    String heldOn = CaseClock.today().toString();
    advisorWorks(reference, "Task_RecordInitialMeeting", Map.of(INITIAL_MEETING_HELD_ON, value(heldOn),
        ISSUE_INTRODUCED, value("Mornings are hard"),
        CLARIFICATION, value("It started after the move"), SUGGESTIONS, value("A meet-and-greet at the gate"),
        ACTION_PLAN, json(plan), CHILDS_VIEW, value("I like it when someone says hi.")));
    advisorWorks(reference, "Task_ArrangeReviewMeeting", Map.of(REVIEW_MEETING_AT, value(review.format(MEETING)),
        REVIEW_VENUE, value("Hollybank Primary, room 2"), PARTICIPANTS, json(participants),
        WHAT_TO_BRING, value("The action plan")));
    advisorWorks(reference, "Task_RecordReviewMeeting", Map.of(REVIEW_MEETING_HELD_ON, value(heldOn), ACTION_PLAN, json(plan.replace("\"byWhen\"", "\"done\":true,\"byWhen\"")),
        ASPIRATIONS, value("Robin wants to join the football club"), AIDS, value("A trusted adult"),
        OBSTACLES, value("Noisy lunchtimes"), RESOLVED, value(true)));
    advisorWorks(reference, "Task_RecordCircleOutcome", Map.of(CASE_OUTCOME, value("Robin settles well in the mornings now."),
        SIGNPOSTING, value("School nurse drop-in")));
    return caseId;
  }

  /** The skeleton: started, and its six tasks found, opened and submitted, by the administrator. */
  String skeletonCase(int number) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(BenchmarkVariables.SKELETON_STOP, value(false));
    Map<String, Object> noDueDate = new LinkedHashMap<>();
    noDueDate.put("value", null);
    variables.put(BenchmarkVariables.SKELETON_DUE, noDueDate);
    String caseId = (String) http.post("admin", "process-definition/key/" + BenchmarkVariables.SKELETON_PROCESS + "/submit-form",
        Map.of("businessKey", "SKELETON-" + number, "variables", variables)).expect(200, "the skeleton's start").object().get("id");
    for (int step = 0; step < 6; step++) {
      Map<String, Object> task = awaitTask("admin", "task?processInstanceId=" + caseId);
      work("admin", task, Map.of(BenchmarkVariables.SKELETON_NOTE, value("Step " + (step + 1) + " done.")));
    }
    return caseId;
  }

  private void advisorWorks(String reference, String taskKey, Map<String, Object> form) {
    Map<String, Object> task = awaitTask(ADVISOR_OF_EAST, "task?processInstanceBusinessKey=" + reference + "&taskDefinitionKey=" + taskKey);
    work((String) task.get("assignee"), task, form);
  }

  /** Opens the task's form and submits it, as the person. */
  private void work(String user, Map<String, Object> task, Map<String, Object> form) {
    String id = (String) task.get("id");
    http.get(user, "task/" + id + "/form-variables").expect(200, "the form of " + task.get("taskDefinitionKey"));
    http.post(user, "task/" + id + "/submit-form", Map.of("variables", form)).expect(204, "the form of " + task.get("taskDefinitionKey"));
  }

  /** The first task of the person's list, asked again (as Tasklist refreshes) until it is there. */
  private Map<String, Object> awaitTask(String user, String query) {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      List<Map<String, Object>> tasks = http.get(user, query).expect(200, query).list();
      if (!tasks.isEmpty()) {
        return tasks.get(0);
      }
      sleep(20);
    }
    throw new IllegalStateException("no task within " + PATIENCE_MILLIS / 1000 + " s: " + query);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> value(Object value) {
    return Map.of("value", value);
  }

  static Map<String, Object> json(String json) {
    return Map.of("value", json, "type", "Json");
  }

  static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, v) -> typed.put(name, value(v)));
    return typed;
  }
}
