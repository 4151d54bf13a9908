package org.rrp.workflow.security;

import org.rrp.workflow.http.Answer;
import org.rrp.workflow.WholeAppTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rrp.workflow.TestMail;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.rrp.workflow.referral.ReferralVariables;

/**
 * The README's access table, cell by cell: every role against every kind of resource of one allocated case, read
 * and write, through {@code /engine-rest} (HTTP Basic) and through the webapps' API (a Tasklist or Cockpit login).
 * A cell that differs from the table fails the test, and the failure lists every such cell.
 */
@WholeAppTest
class AuthorizationMatrixTest {

  @RegisterExtension
  static final GreenMailExtension mail = TestMail.server();

  /** The roles, as the demo users who hold them for the case under test (advisor: whoever it is allocated to). */
  enum Role {
    REFERRER, OTHER_REFERRER, ADVISOR, OTHER_AREA_ADVISOR, COORDINATOR, MANAGER, FORMER_PARTY
  }

  /** The README's table: per resource kind and action, Y (may) or N (may not) for each role in {@link Role} order. */
  static final Map<String, String> TABLE = new LinkedHashMap<>();

  static {
    //                                  ref  other adv  other coord mgr  former
    TABLE.put("task read",              "N    N    Y    N    Y    Y    N");
    TABLE.put("task write",             "N    N    Y    N    Y    N    N");
    TABLE.put("task update",            "N    N    N    N    N    N    N");
    TABLE.put("task candidates",        "N    N    N    N    N    N    N");
    TABLE.put("task assignment",        "N    N    N    N    N    N    N");
    TABLE.put("case read",              "Y    N    Y    N    Y    Y    N");
    TABLE.put("case write",             "N    N    N    N    Y    N    N");
    TABLE.put("case modification",      "N    N    N    N    N    N    N");
    TABLE.put("case restart",           "N    N    N    N    N    N    N");
    TABLE.put("variable read",          "Y    N    Y    N    Y    Y    N");
    TABLE.put("variable write",         "N    N    N    N    N    N    N");
    TABLE.put("history process read",   "N    N    N    N    Y    Y    N");
    TABLE.put("history task read",      "N    N    N    N    Y    Y    N");
    TABLE.put("history variable read",  "N    N    N    N    Y    Y    N");
    TABLE.put("history activity read",  "N    N    N    N    Y    Y    N");
    TABLE.put("history detail read",    "N    N    N    N    Y    Y    N");
    TABLE.put("history operation read", "N    N    N    N    Y    Y    N");
    TABLE.put("history decision read",  "N    N    N    N    Y    Y    N");
    TABLE.put("history write",          "N    N    N    N    N    N    N");
    TABLE.put("decision read",          "N    N    N    N    Y    Y    N");
    TABLE.put("decision write",         "N    N    N    N    N    N    N");
    TABLE.put("deployment read",        "N    N    N    N    Y    Y    N");
    TABLE.put("deployment write",       "N    N    N    N    N    N    N");
    TABLE.put("job read",               "N    N    N    N    Y    Y    N");
    TABLE.put("job write",              "N    N    N    N    N    N    N");
    TABLE.put("filter read",            "Y    Y    Y    Y    Y    Y    Y");
    TABLE.put("filter write",           "N    N    N    N    N    N    N");
    TABLE.put("identity read",          "N    N    Y    Y    Y    N    Y");
    TABLE.put("identity write",         "N    N    N    N    N    N    N");
    TABLE.put("comment read",           "N    N    N    N    Y    Y    N");
    TABLE.put("comment write",          "N    N    N    N    Y    N    N");
    TABLE.put("attachment read",        "N    N    N    N    Y    Y    N");
    TABLE.put("attachment write",       "N    N    N    N    Y    N    N");
  }

  @LocalServerPort
  int port;

  Api api;
  Cases.Allocated allocated;
  Map<Role, String> users = new LinkedHashMap<>();
  String cleanupJob;
  String deployment;
  String definitionId;

  private void makeACase() {
    api = new Api(port);
    allocated = new Cases(api).allocated("rosa");
    users.put(Role.REFERRER, "rosa");
    users.put(Role.OTHER_REFERRER, "sam");
    users.put(Role.ADVISOR, allocated.advisor());
    users.put(Role.OTHER_AREA_ADVISOR, "bea");
    users.put(Role.COORDINATOR, "cora");
    users.put(Role.MANAGER, "max");
    users.put(Role.FORMER_PARTY, "dee");
    // Dee was a candidate of the task and its assignee, and is no longer either.
    String task = "task/" + allocated.taskId();
    assertThat(api.rest("admin", "POST", task + "/identity-links", Map.of("userId", "dee", "type", "candidate")).status()).isEqualTo(204);
    assertThat(api.rest("admin", "POST", task + "/assignee", Map.of("userId", "dee")).status()).isEqualTo(204);
    assertThat(api.rest("admin", "POST", task + "/assignee", Map.of("userId", allocated.advisor())).status()).isEqualTo(204);
    assertThat(api.rest("admin", "POST", task + "/identity-links/delete", Map.of("userId", "dee", "type", "candidate")).status())
        .isEqualTo(204);
    cleanupJob = (String) api.rest("admin", "GET", "history/cleanup/jobs", null).list().get(0).get("id");
    deployment = (String) api.rest("admin", "GET", "deployment", null).list().get(0).get("id");
    definitionId = (String) api.rest("admin", "GET", "process-instance/" + allocated.caseId(), null).object().get("definitionId");
  }

  /** One call through one door: the answer to an engine API path (a {@code MultiValueMap} body is sent as an upload). */
  interface Door {
    Answer call(String method, String path, Object body);
  }

  @SuppressWarnings("unchecked")
  private static MultiValueMap<String, Object> upload(MultiValueMap<?, ?> parts) {
    return (MultiValueMap<String, Object>) parts;
  }

  @Test
  void everyCellIsWhatTheReadmeSays() {
    makeACase();
    assertThat(probes().keySet()).as("every probe has a row in the table, every row a probe")
        .containsExactlyInAnyOrderElementsOf(TABLE.keySet());
    List<String> wrong = new ArrayList<>();
    for (Role role : Role.values()) {
      String user = users.get(role);
      Api.Session session = api.login(user);
      Map<String, Door> doors = Map.of(
          "engine-rest", (m, p, b) -> b instanceof MultiValueMap<?, ?> parts ? api.restUpload(user, p, upload(parts)) : api.rest(user, m, p, b),
          "webapps' API", (m, p, b) -> b instanceof MultiValueMap<?, ?> parts ? session.upload(p, upload(parts)) : session.call(m, p, b));
      doors.forEach((doorName, door) -> probes().forEach((cell, probe) -> {
        boolean expected = TABLE.get(cell).split("\\s+")[role.ordinal()].equals("Y");
        boolean actual = probe.apply(door);
        if (expected != actual) {
          wrong.add(cell + " as " + role + " (" + user + ") through " + doorName + ": " + (actual ? "allowed" : "refused")
              + ", the table says " + (expected ? "allowed" : "refused"));
        }
      }));
    }
    assertThat(wrong).as("cells that differ from the README's access table").isEmpty();
  }

  private Map<String, Function<Door, Boolean>> probes() {
    String caseId = allocated.caseId();
    String task = "task/" + allocated.taskId();
    Map<String, Function<Door, Boolean>> probes = new LinkedHashMap<>();
    probes.put("task read", door -> sees(door.call("GET", "task?processInstanceId=" + caseId, null)));
    probes.put("task write", door -> {
      boolean gaveBack = allowed(door.call("POST", task + "/unclaim", null));
      assertThat(api.rest("admin", "POST", task + "/assignee", Map.of("userId", allocated.advisor())).status()).isEqualTo(204);
      return gaveBack;
    });
    probes.put("task candidates", door -> {
      boolean added = allowed(door.call("POST", task + "/identity-links", Map.of("groupId", "rrp-referrers", "type", "candidate")));
      api.rest("admin", "POST", task + "/identity-links/delete", Map.of("groupId", "rrp-referrers", "type", "candidate"));
      return added;
    });
    probes.put("task assignment", door -> {
      boolean assigned = allowed(door.call("POST", task + "/assignee", Map.of("userId", "sam")))
          | allowed(door.call("POST", task + "/delegate", Map.of("userId", "sam")))
          | allowed(door.call("POST", task + "/claim", Map.of("userId", "sam")));
      api.rest("admin", "POST", task + "/assignee", Map.of("userId", allocated.advisor()));
      return assigned;
    });
    probes.put("task update", door -> {
      Map<String, Object> current = api.rest("admin", "GET", task, null).object();
      Map<String, Object> update = new LinkedHashMap<>();
      for (String field : List.of("name", "description", "assignee", "owner", "due", "followUp", "priority", "parentTaskId",
          "caseInstanceId", "tenantId")) {
        update.put(field, current.get(field));
      }
      return allowed(door.call("PUT", task, update));
    });
    probes.put("case read", door -> sees(door.call("GET", "process-instance?processInstanceIds=" + caseId, null)));
    probes.put("case write", door -> allowed(door.call("PUT", "process-instance/" + caseId + "/suspended", Map.of("suspended", false))));
    probes.put("case modification", door -> allowed(door.call("POST", "process-instance/" + caseId + "/modification",
        Map.of("skipCustomListeners", true, "instructions", List.of()))));
    probes.put("case restart", door -> allowed(door.call("POST", "process-definition/" + definitionId + "/restart",
        Map.of("processInstanceIds", List.of(caseId), "instructions", List.of()))));
    probes.put("variable read", door -> allowed(door.call("GET", "process-instance/" + caseId + "/variables", null)));
    probes.put("variable write", door -> allowed(door.call("PUT", "process-instance/" + caseId + "/variables/probe",
        Map.of("value", "x", "type", "String"))));
    for (String[] history : new String[][] {{"process", "process-instance"}, {"task", "task"},
        {"variable", "variable-instance"}, {"activity", "activity-instance"}, {"detail", "detail"},
        {"operation", "user-operation"}}) {
      probes.put("history " + history[0] + " read",
          door -> sees(door.call("GET", "history/" + history[1] + "?processInstanceId=" + caseId, null)));
    }
    probes.put("history decision read", door -> sees(door.call("GET", "history/decision-instance?processInstanceId=" + caseId, null)));
    probes.put("history write", door -> allowed(door.call("DELETE", "history/process-instance/" + caseId, null)));
    probes.put("decision read", door -> sees(door.call("GET", "decision-definition?key=eligibility", null)));
    probes.put("decision write", door -> allowed(door.call("POST", "decision-definition/key/area-by-district/evaluate",
        Map.of("variables", Map.of(ReferralVariables.SETTING_DISTRICT, Map.of("value", "tamworth"))))));
    probes.put("deployment read", door -> sees(door.call("GET", "deployment", null)));
    probes.put("deployment write", door -> allowed(door.call("DELETE", "deployment/" + deployment + "?cascade=false", null)));
    probes.put("job read", door -> allowed(door.call("GET", "job/" + cleanupJob, null)));
    probes.put("job write", door -> allowed(door.call("PUT", "job/" + cleanupJob + "/suspended", Map.of("suspended", false))));
    probes.put("filter read", door -> sees(door.call("GET", "filter", null)));
    probes.put("filter write", door -> allowed(door.call("POST", "filter/create",
        Map.of("resourceType", "Task", "name", "Probe", "query", Map.of()))));
    probes.put("identity read", door -> sees(door.call("GET", "user?id=alex", null)));
    probes.put("identity write", door -> allowed(door.call("POST", "group/create",
        Map.of("id", "probe-group", "name", "Probe", "type", "WORKFLOW"))) | allowed(door.call("PUT", "group/rrp-advisors/members/sam", null)));
    probes.put("comment read", door -> allowed(door.call("GET", task + "/comment", null)));
    probes.put("comment write", door -> allowed(door.call("POST", task + "/comment/create", Map.of("message", "A note"))));
    probes.put("attachment read", door -> allowed(door.call("GET", task + "/attachment", null)));
    probes.put("attachment write", door -> {
      MultiValueMap<String, Object> attachment = new LinkedMultiValueMap<>();
      attachment.add("attachment-name", "note");
      attachment.add("url", "https://example.org/note");
      return allowed(door.call("POST", task + "/attachment/create", attachment));
    });
    return probes;
  }

  /** A list answer with something in it. */
  private static boolean sees(Answer answer) {
    return answer.status() == 200 && !answer.list().isEmpty();
  }

  /** Not refused for lack of rights (403), nor hidden (404), nor unreadable to the caller. */
  private static boolean allowed(Answer answer) {
    return answer.status() != 403 && answer.status() != 404 && answer.status() != 401
        && !(answer.status() == 400 && answer.body().contains("No task found"));
  }
}
