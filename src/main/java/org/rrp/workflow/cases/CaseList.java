package org.rrp.workflow.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.NativeHistoricActivityInstanceQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.rrp.workflow.casework.AreaCatalogue;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.casework.ServiceNames;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.rrp.workflow.identity.RrpGroups;

/**
 * The cases each role follows, as cases rather than tasks: a referrer's own requests with their status, the open
 * cases allocated in an advisor's areas (colleagues' included; a request still in triage is the coordinators'), every
 * open case for coordinators. The engine is read without
 * authorization checks and every row is chosen here by the reader's role and areas, so a referrer sees the status
 * of her request without any right on its tasks. No list names a child except the referrer's own requests.
 */
public class CaseList {

  /** The longest list one view returns, newest cases first. */
  public static final int MOST_ROWS = 200;
  static final String CASE_PROCESS = "referral";
  /** The status of an open case between steps, e.g. just after the request, before its acknowledgement has run. */
  static final String RECEIVED = "Received";

  /** An open task of a case: what is being done, by whom, by when. */
  public record OpenTask(String id, String name, String assignee, Date due) {
  }

  /** One case as a row: its reference, what and where, where it stands. */
  public record Row(String caseReference, String service, String areaName, String settingName, String childName,
      Date requested, Date ended, String status, String advisor, List<OpenTask> tasks) {
  }

  /** A list of cases under a heading. {@code more} is true when there were more than {@link #MOST_ROWS}. */
  public record View(String kind, String title, String description, List<Row> rows, boolean more) {
  }

  private final ProcessEngine engine;
  private final AreaCatalogue areas;

  public CaseList(ProcessEngine engine, AreaCatalogue areas) {
    this.engine = engine;
    this.areas = areas;
  }

  /** The views the reader's groups give: none for a role that follows no cases (managers read Cockpit). */
  public List<View> viewsFor(String userId, Collection<String> groupIds) {
    return WithoutAuthorization.call(engine, () -> {
      List<View> views = new ArrayList<>();
      if (groupIds.contains(RrpGroups.REFERRERS)) {
        views.add(view("my-requests", "My requests", "The support you have requested, newest first, and where each stands.",
            history().startedBy(userId), true));
      }
      if (groupIds.contains(RrpGroups.ADVISORS)) {
        Map<String, String> names = areas.areas();
        groupIds.stream().filter(RrpGroups::isAreaGroup).sorted().forEach(area -> views.add(view("area-cases",
            "Open cases in " + names.getOrDefault(area, area),
            "Every open case allocated in the area, yours and your colleagues', newest first.",
            history().unfinished().variableValueEquals(CaseVariables.AREA, area).variableValueLike(CaseVariables.ADVISOR_ID, "%"),
            false)));
      }
      if (groupIds.contains(RrpGroups.COORDINATORS)) {
        views.add(view("all-cases", "All open cases", "Every open case of every area, newest first.",
            history().unfinished(), false));
      }
      return views;
    });
  }

  private HistoricProcessInstanceQuery history() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CASE_PROCESS)
        .orderByProcessInstanceStartTime().desc();
  }

  private View view(String kind, String title, String description, HistoricProcessInstanceQuery query, boolean ownRequests) {
    List<HistoricProcessInstance> instances = query.listPage(0, MOST_ROWS + 1);
    boolean more = instances.size() > MOST_ROWS;
    List<HistoricProcessInstance> shown = more ? instances.subList(0, MOST_ROWS) : instances;
    return new View(kind, title, description, rows(shown, ownRequests), more);
  }

  private List<Row> rows(List<HistoricProcessInstance> instances, boolean ownRequests) {
    if (instances.isEmpty()) {
      return List.of();
    }
    HistoryService history = engine.getHistoryService();
    String[] ids = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
        .variableNameIn(CaseVariables.CASE_REFERENCE, CaseVariables.SERVICE, CaseVariables.AREA, CaseVariables.ADVISOR_ID,
            CaseVariables.SETTING_NAME, CaseVariables.CHILD_NAME)
        .disableCustomObjectDeserialization().list()) {
      if (variable.getValue() != null) {
        variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(), variable.getValue());
      }
    }
    Map<String, String> caseByReference = new HashMap<>();
    instances.stream().filter(instance -> instance.getBusinessKey() != null)
        .forEach(instance -> caseByReference.put(instance.getBusinessKey(), instance.getId()));
    Map<String, String> people = new HashMap<>();
    Map<String, List<OpenTask>> tasks = ownRequests || caseByReference.isEmpty() ? Map.of() : openTasks(caseByReference, people);
    Map<String, String> areaNames = areas.areas();
    Map<String, String> statuses = statuses(instances);
    List<Row> rows = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      Map<String, Object> values = variables.getOrDefault(instance.getId(), Map.of());
      String reference = text(values.get(CaseVariables.CASE_REFERENCE), instance.getBusinessKey());
      String area = text(values.get(CaseVariables.AREA), "");
      String advisor = text(values.get(CaseVariables.ADVISOR_ID), "");
      rows.add(new Row(reference,
          ServiceNames.of(text(values.get(CaseVariables.SERVICE), null)),
          areaNames.getOrDefault(area, area),
          text(values.get(CaseVariables.SETTING_NAME), ""),
          ownRequests ? text(values.get(CaseVariables.CHILD_NAME), "") : null,
          instance.getStartTime(), instance.getEndTime(), statuses.get(instance.getId()),
          advisor.isEmpty() ? "" : people.computeIfAbsent(advisor, this::fullName),
          tasks.getOrDefault(instance.getBusinessKey(), List.of())));
    }
    return rows;
  }

  /**
   * The open tasks of these cases (case reference to the case's process instance): the tasks of the case and of the
   * processes it called, which share its reference as business key. Another process whose business key happens to
   * equal a reference (a training journey's setting identifier, say) is not the case's: a task counts only when its
   * process's root is the case. {@code people} holds the names already looked up, so each person is read once per list.
   */
  private Map<String, List<OpenTask>> openTasks(Map<String, String> caseByReference, Map<String, String> people) {
    TaskService tasks = engine.getTaskService();
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKeyIn(caseByReference.keySet().toArray(String[]::new))
        .orderByDueDate().asc().list();
    Map<String, String> caseOfInstance = new HashMap<>();
    Set<String> instanceIds = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    if (!instanceIds.isEmpty()) {
      engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
          .filter(instance -> instance.getRootProcessInstanceId().equals(caseByReference.get(instance.getBusinessKey())))
          .forEach(instance -> caseOfInstance.put(instance.getId(), instance.getBusinessKey()));
    }
    Map<String, List<OpenTask>> byCase = new LinkedHashMap<>();
    for (Task task : open) {
      String reference = caseOfInstance.get(task.getProcessInstanceId());
      if (reference != null) {
        byCase.computeIfAbsent(reference, key -> new ArrayList<>())
            .add(new OpenTask(task.getId(), task.getName(), task.getAssignee() == null ? "" : people.computeIfAbsent(task.getAssignee(), this::fullName), task.getDueDate()));
      }
    }
    return byCase;
  }

  /**
   * Where each case stands, in the words of its model: the step it is at (e.g. "Triage request", "Hold Solution
   * Focused Circle"), "Received" between steps (a request whose acknowledgement is still queued), or the end it
   * reached ("Case closed", "Request declined"). One query reads the steps of every case of the list: those under
   * way, and the end events passed.
   */
  private Map<String, String> statuses(List<HistoricProcessInstance> instances) {
    NativeHistoricActivityInstanceQuery query = engine.getHistoryService().createNativeHistoricActivityInstanceQuery();
    StringJoiner ids = new StringJoiner(", ");
    for (int i = 0; i < instances.size(); i++) {
      ids.add("#{case" + i + "}");
      query.parameter("case" + i, instances.get(i).getId());
    }
    String table = engine.getManagementService().getTableName(HistoricActivityInstance.class);
    Map<String, List<HistoricActivityInstance>> steps = query.sql("select * from " + table + " where PROC_INST_ID_ in ("
            + ids + ") and (END_TIME_ is null or ACT_TYPE_ like '%EndEvent') order by START_TIME_, SEQUENCE_COUNTER_")
        .list().stream().filter(activity -> activity.getActivityName() != null)
        .collect(Collectors.groupingBy(HistoricActivityInstance::getProcessInstanceId));
    Map<String, String> statuses = new HashMap<>();
    for (HistoricProcessInstance instance : instances) {
      List<HistoricActivityInstance> own = steps.getOrDefault(instance.getId(), List.of());
      if (instance.getEndTime() != null) {
        statuses.put(instance.getId(), own.stream()
            .filter(activity -> activity.getEndTime() != null && activity.getActivityType().endsWith("EndEvent"))
            .reduce((earlier, later) -> later.getEndTime().before(earlier.getEndTime()) ? earlier : later)
            .map(HistoricActivityInstance::getActivityName)
            .orElse(HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState()) ? "Closed" : "Stopped"));
      } else {
        String current = own.stream()
            .filter(activity -> activity.getEndTime() == null && !activity.getActivityType().endsWith("Gateway"))
            .map(HistoricActivityInstance::getActivityName).distinct().collect(Collectors.joining(", "));
        statuses.put(instance.getId(), current.isEmpty() ? RECEIVED : current);
      }
    }
    return statuses;
  }

  private String fullName(String userId) {
    IdentityService identity = engine.getIdentityService();
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }

  private static String text(Object value, String otherwise) {
    return value == null ? otherwise : value.toString();
  }
}
