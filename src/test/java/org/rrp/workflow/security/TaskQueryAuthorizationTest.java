package org.rrp.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rrp.workflow.casework.CaseVariables.ADVISOR_ID;
import static org.rrp.workflow.casework.CaseVariables.AREA;
import static org.rrp.workflow.casework.CaseVariables.CASE_REFERENCE;
import static org.rrp.workflow.casework.CaseVariables.SERVICE;
import static org.rrp.workflow.casework.CaseVariables.SETTING_NAME;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstanceQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rrp.workflow.AsUser;
import org.rrp.workflow.EngineTest;
import org.rrp.workflow.TestMail;
import org.rrp.workflow.Unchecked;
import org.rrp.workflow.identity.RrpGroups;
import org.rrp.workflow.referral.ReferralRequests;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The application's task-query and variable-query statements ({@link GrantQueriesPlugin}, grants tested as
 * semi-joins) answer every query exactly as the engine's own statements (grants joined) do: the same task ids in the same order and the
 * same counts, for every role, every saved filter and many criteria, with grants by task, by process definition and
 * on '*', and with a grant taken back. Each query runs twice as the same user: through the application's statements
 * (as in production), then with the engine's statement mappings restored.
 */
@EngineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskQueryAuthorizationTest {

  static final String EAST = "area-east-staffs-tamworth";
  static final String CANNOCK = "area-cannock-lichfield";
  /** A referrer, advisors of two areas, one with a grant on the referral definition and one with a '*' grant,
   * the coordinator, the manager and the administrator (whose queries the engine does not check). */
  static final List<String> READERS = List.of("rosa", "alex", "ash", "bea", "cal", "dee", "cora", "max", "admin");

  @RegisterExtension
  static final GreenMailExtension mail = TestMail.server();

  private final ProcessEngine engine;
  private final TaskService tasks;
  private final FilterService filters;
  private final AuthorizationService authorizations;
  private final List<String> cases = new ArrayList<>();
  private final List<String> grants = new ArrayList<>();
  private final Map<String, Task> task = new LinkedHashMap<>();
  private Date firstCreated;

  TaskQueryAuthorizationTest(@Autowired ProcessEngine engine) {
    this.engine = engine;
    this.tasks = engine.getTaskService();
    this.filters = engine.getFilterService();
    this.authorizations = engine.getAuthorizationService();
  }

  @BeforeAll
  void openTasksOfTwoAreasAndTheCoordinators() {
    firstCreated = new Date(ClockUtil.getCurrentTime().getTime() - 3_600_000);
    try {
      task.put("eastUnclaimed", advisorTask(EAST, null, 0));
      task.put("eastAlex", advisorTask(EAST, "alex", 1));
      task.put("eastAsh", advisorTask(EAST, "ash", 2));
      task.put("cannockUnclaimed", advisorTask(CANNOCK, null, 3));
      task.put("cannockBea", advisorTask(CANNOCK, "bea", 4));
      task.put("eastRevokedFromCannock", advisorTask(EAST, null, 5));
      ClockUtil.setCurrentTime(new Date(firstCreated.getTime() + 6 * 60_000));
      ProcessInstance triage = engine.getRuntimeService().createProcessInstanceByKey("referral")
          .businessKey("RRP-2026-8106").startBeforeActivity("Task_TriageRequest")
          .setVariables(ReferralRequests.valid().putValue(CASE_REFERENCE, "RRP-2026-8106").putValue(AREA, EAST))
          .execute();
      cases.add(triage.getId());
      task.put("triage", tasks.createTaskQuery().processInstanceId(triage.getId()).singleResult());
    } finally {
      ClockUtil.reset();
    }
    // dates to filter and sort by; a colleague of another area as a candidate user (an involved user)
    tasks.setDueDate(task.get("eastUnclaimed").getId(), new Date(firstCreated.getTime() + 86_400_000L));
    tasks.setDueDate(task.get("cannockBea").getId(), new Date(firstCreated.getTime() - 86_400_000L));
    tasks.addCandidateUser(task.get("eastAsh").getId(), "bea");
    // a task linked to alex twice (his area's group and himself): the identity-link join repeats its row
    tasks.addCandidateUser(task.get("eastUnclaimed").getId(), "alex");
    // a grant taken back by TaskAccessRevocation: the Cannock group was a candidate for a while
    tasks.addCandidateGroup(task.get("eastRevokedFromCannock").getId(), CANNOCK);
    tasks.deleteCandidateGroup(task.get("eastRevokedFromCannock").getId(), CANNOCK);
    // a grant by process-definition key (READ_TASK on every referral) and a grant on every task ('*')
    grants.add(grant("cal", Resources.PROCESS_DEFINITION, "referral", Permissions.READ_TASK));
    grants.add(grant("dee", Resources.TASK, Authorization.ANY, Permissions.READ));
    // a grant on one case: its variables, nothing else of it
    grants.add(grant("alex", Resources.PROCESS_INSTANCE, task.get("eastAlex").getProcessInstanceId(), Permissions.READ));
  }

  @AfterAll
  void removeTheCasesAndGrants() {
    grants.forEach(authorizations::deleteAuthorization);
    cases.forEach(id -> engine.getRuntimeService().deleteProcessInstance(id, "test over"));
  }

  @Test
  void theApplicationsStatementsAreTheOnesInUse() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    var mybatis = configuration.getSqlSessionFactory().getConfiguration();
    GrantQueriesPlugin.STATEMENTS.forEach((engineStatement, ours) -> {
      assertThat(sessions.mapStatement(engineStatement)).isEqualTo(ours);
      assertThat(mybatis.getMappedStatement(ours).getResource()).isIn(GrantQueriesPlugin.MAPPERS);
    });
    // and they are what a query runs: without them in the MyBatis configuration, a task query fails
    Map<String, String> ours = sessions.getStatementMappings();
    Map<String, String> broken = new HashMap<>(ours);
    GrantQueriesPlugin.STATEMENTS.keySet().forEach(id -> broken.put(id, GrantQueriesPlugin.NAMESPACE + "missing"));
    sessions.setStatementMappings(broken);
    try {
      assertThatThrownBy(() -> tasks.createTaskQuery().count())
          .hasStackTraceContaining(GrantQueriesPlugin.NAMESPACE + "missing");
    } finally {
      sessions.setStatementMappings(ours);
    }
  }

  @Test
  void theGrantsDecideWhatEachReaderSees() {
    assertThat(ids("alex", () -> tasks.createTaskQuery().processInstanceIdIn(caseIds())))
        .contains(id("eastUnclaimed"), id("eastAlex"), id("eastAsh"), id("eastRevokedFromCannock"))
        .doesNotContain(id("cannockUnclaimed"), id("cannockBea"), id("triage"));
    assertThat(ids("bea", () -> tasks.createTaskQuery().processInstanceIdIn(caseIds())))
        .as("her area's tasks, the one she is a candidate user of, not the one her group was unlinked from")
        .containsExactlyInAnyOrder(id("cannockUnclaimed"), id("cannockBea"), id("eastAsh"));
    assertThat(ids("cal", () -> tasks.createTaskQuery().processInstanceIdIn(caseIds())))
        .as("a grant on the referral definition reads every referral task").hasSize(task.size());
    assertThat(ids("dee", () -> tasks.createTaskQuery().processInstanceIdIn(caseIds())))
        .as("a grant on '*' reads every task").hasSize(task.size());
    assertThat(ids("rosa", () -> tasks.createTaskQuery().processInstanceIdIn(caseIds()))).isEmpty();
    assertThat(ids("cora", () -> tasks.createTaskQuery().processInstanceIdIn(caseIds()))).contains(id("triage"));
  }

  @Test
  void everyCriterionAnswersAsTheEnginesStatements() {
    Date now = ClockUtil.getCurrentTime();
    Map<String, Supplier<TaskQuery>> queries = new LinkedHashMap<>();
    queries.put("all", () -> tasks.createTaskQuery());
    queries.put("these cases", () -> tasks.createTaskQuery().processInstanceIdIn(caseIds()));
    queries.put("candidate group", () -> tasks.createTaskQuery().taskCandidateGroup(EAST));
    queries.put("candidate groups", () -> tasks.createTaskQuery().taskCandidateGroupIn(List.of(EAST, CANNOCK, RrpGroups.COORDINATORS)));
    queries.put("candidate group, unassigned", () -> tasks.createTaskQuery().taskCandidateGroup(EAST).taskUnassigned());
    queries.put("candidate group, assigned too", () -> tasks.createTaskQuery().taskCandidateGroup(EAST).includeAssignedTasks());
    queries.put("candidate user", () -> tasks.createTaskQuery().taskCandidateUser("bea"));
    queries.put("candidate user, assigned too", () -> tasks.createTaskQuery().taskCandidateUser("alex").includeAssignedTasks());
    queries.put("with candidate groups", () -> tasks.createTaskQuery().withCandidateGroups());
    queries.put("with candidate users, assigned too", () -> tasks.createTaskQuery().withCandidateUsers().includeAssignedTasks());
    queries.put("candidate group like", () -> tasks.createTaskQuery().taskCandidateGroupLike("area-%").includeAssignedTasks());
    queries.put("candidate group, involved", () -> tasks.createTaskQuery().taskCandidateGroup(EAST).includeAssignedTasks()
        .taskInvolvedUser("alex"));
    queries.put("candidate groups, by case reference", () -> tasks.createTaskQuery().taskCandidateGroupIn(List.of(EAST, CANNOCK))
        .includeAssignedTasks().orderByProcessVariable(CASE_REFERENCE, ValueType.STRING).asc().orderByTaskId().asc());
    queries.put("candidate group, due first", () -> tasks.createTaskQuery().taskCandidateGroup(EAST).includeAssignedTasks()
        .orderByDueDate().asc().orderByTaskId().asc());
    queries.put("assignee", () -> tasks.createTaskQuery().taskAssignee("alex"));
    queries.put("unassigned", () -> tasks.createTaskQuery().taskUnassigned());
    queries.put("involved", () -> tasks.createTaskQuery().taskInvolvedUser("bea"));
    queries.put("due before", () -> tasks.createTaskQuery().dueBefore(now));
    queries.put("due after", () -> tasks.createTaskQuery().dueAfter(now));
    queries.put("definition key", () -> tasks.createTaskQuery().processDefinitionKey("referral"));
    queries.put("definition keys", () -> tasks.createTaskQuery().processDefinitionKeyIn("referral", "solution-circle"));
    queries.put("business key", () -> tasks.createTaskQuery().processInstanceBusinessKey("RRP-2026-8101"));
    queries.put("business key like", () -> tasks.createTaskQuery().processInstanceBusinessKeyLike("RRP-2026-81%"));
    queries.put("process variable", () -> tasks.createTaskQuery().processVariableValueEquals(AREA, CANNOCK));
    queries.put("active", () -> tasks.createTaskQuery().active().taskCandidateGroup(EAST));
    queries.put("newest first", () -> tasks.createTaskQuery().orderByTaskCreateTime().desc().orderByTaskId().asc());
    queries.put("due first", () -> tasks.createTaskQuery().orderByDueDate().asc().orderByTaskId().asc());
    queries.put("by case reference", () -> tasks.createTaskQuery().processInstanceIdIn(caseIds())
        .orderByProcessVariable(CASE_REFERENCE, ValueType.STRING).desc().orderByTaskId().asc());
    queries.put("or", () -> tasks.createTaskQuery().or().taskCandidateGroup(CANNOCK).taskAssignee("alex").endOr());
    queries.put("or with variable", () -> tasks.createTaskQuery().processDefinitionKey("referral")
        .or().processVariableValueEquals(AREA, EAST).taskInvolvedUser("bea").endOr().orderByTaskCreateTime().asc());

    for (String reader : READERS) {
      queries.forEach((name, query) -> assertSameAnswers(reader, name, query));
    }
  }

  @Test
  void candidateCriteriaAloneAreTestedWithoutJoiningEveryLink() {
    // Tasklist's "My area" filters: each task found once through EXISTS, counted without DISTINCT
    for (String statement : List.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria")) {
      assertThat(sql(statement, tasks.createTaskQuery().taskCandidateGroupIn(List.of(EAST)).includeAssignedTasks()))
          .contains("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_")
          .doesNotContainIgnoringCase("join ACT_RU_IDENTITYLINK").doesNotContainIgnoringCase("distinct");
      assertThat(sql(statement, tasks.createTaskQuery().taskCandidateGroup(EAST).taskUnassigned()))
          .contains("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I").doesNotContainIgnoringCase("join ACT_RU_IDENTITYLINK");
      // an involved user may be the assignee of a task without links, and an or-query mixes criteria: joined as the engine does
      assertThat(sql(statement, tasks.createTaskQuery().taskCandidateGroup(EAST).taskInvolvedUser("alex")))
          .containsIgnoringCase("left join ACT_RU_IDENTITYLINK I").containsIgnoringCase("distinct")
          .doesNotContain("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_");
      assertThat(sql(statement, tasks.createTaskQuery().or().taskCandidateGroup(CANNOCK).taskAssignee("alex").endOr()))
          .containsIgnoringCase("left join ACT_RU_IDENTITYLINK I").containsIgnoringCase("distinct");
    }
  }

  /** The SQL the application's statement serving the engine's {@code statement} makes of the query. */
  private String sql(String statement, TaskQuery query) {
    String ours = configuration().getDbSqlSessionFactory().mapStatement(statement);
    return configuration().getSqlSessionFactory().getConfiguration().getMappedStatement(ours).getBoundSql(query).getSql()
        .replaceAll("\\s+", " ");
  }

  @Test
  void everySavedFilterAnswersAsTheEnginesStatements() {
    int compared = 0;
    for (String reader : READERS) {
      List<Filter> readable = as(reader, () -> filters.createFilterQuery().filterResourceType("Task").list());
      for (Filter filter : readable) {
        String id = filter.getId();
        TaskQuery newestFirst = tasks.createTaskQuery().orderByTaskCreateTime().desc();
        Answer ours = as(reader, () -> new Answer(ids(filters.<Task>list(id)), ids(filters.<Task, TaskQuery>listPage(id, newestFirst, 0, 15)),
            filters.count(id), filters.count(id, newestFirst)));
        Answer engines = withEnginesStatements(() -> as(reader, () -> new Answer(ids(filters.<Task>list(id)),
            ids(filters.<Task, TaskQuery>listPage(id, tasks.createTaskQuery().orderByTaskCreateTime().desc(), 0, 15)), filters.count(id),
            filters.count(id, tasks.createTaskQuery().orderByTaskCreateTime().desc()))));
        assertThat(ours).as("filter %s as %s", filter.getName(), reader).isEqualTo(engines);
        assertThat(ours.count()).isEqualTo(ours.all().size());
        compared++;
      }
    }
    assertThat(compared).as("every role reads some filters").isGreaterThanOrEqualTo(READERS.size());
  }

  @Test
  void variableQueriesAnswerAsTheEnginesStatements() {
    RuntimeService runtime = engine.getRuntimeService();
    Map<String, Supplier<VariableInstanceQuery>> queries = new LinkedHashMap<>();
    queries.put("these cases", () -> runtime.createVariableInstanceQuery().processInstanceIdIn(caseIds()));
    // what a filter's list asks for its columns (the webapps' API), for the tasks on the page
    queries.put("a filter's columns", () -> runtime.createVariableInstanceQuery().disableBinaryFetching()
        .disableCustomObjectDeserialization().variableNameIn(CASE_REFERENCE, SETTING_NAME)
        .variableScopeIdIn(caseIds()));
    queries.put("of tasks", () -> runtime.createVariableInstanceQuery()
        .taskIdIn(task.values().stream().map(Task::getId).toArray(String[]::new)));
    queries.put("by name, ordered", () -> runtime.createVariableInstanceQuery().variableName(AREA)
        .orderByVariableName().asc().orderByActivityInstanceId().asc());
    for (String reader : READERS) {
      queries.forEach((name, query) -> {
        VariableAnswer ours = as(reader, () -> variableAnswer(query));
        VariableAnswer engines = withEnginesStatements(() -> as(reader, () -> variableAnswer(query)));
        assertThat(ours).as("variables, %s as %s", name, reader).isEqualTo(engines);
        assertThat(ours.count()).isEqualTo(ours.all().size());
      });
    }
    List<String> granted = runtime.createVariableInstanceQuery().processInstanceIdIn(task.get("eastAlex").getProcessInstanceId())
        .list().stream().map(VariableInstance::getId).toList();
    assertThat(as("alex", () -> variableAnswer(queries.get("these cases"))).all()).as("the case he may read")
        .isNotEmpty().containsExactlyInAnyOrderElementsOf(granted);
    assertThat(as("dee", () -> variableAnswer(queries.get("these cases"))).count()).as("a grant on '*' reads all")
        .isGreaterThan(granted.size());
    assertThat(as("rosa", () -> variableAnswer(queries.get("these cases"))).all()).as("not her requests").isEmpty();
  }

  private static VariableAnswer variableAnswer(Supplier<VariableInstanceQuery> query) {
    return new VariableAnswer(query.get().list().stream().map(VariableInstance::getId).toList(),
        query.get().listPage(1, 3).stream().map(VariableInstance::getId).toList(), query.get().count());
  }

  record VariableAnswer(List<String> all, List<String> page, long count) {
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @Test
  void revokeChecksKeepTheEnginesOwnCheck() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String before = configuration.getAuthorizationCheckRevokes();
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
    try {
      for (String reader : List.of("alex", "bea", "cal", "dee")) {
        assertSameAnswers(reader, "revoke checks on", () -> tasks.createTaskQuery().processInstanceIdIn(caseIds()));
        VariableAnswer ours = as(reader, () -> variableAnswer(() -> engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(caseIds())));
        VariableAnswer engines = withEnginesStatements(() -> as(reader,
            () -> variableAnswer(() -> engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(caseIds()))));
        assertThat(ours).as("variables with revoke checks on, as %s", reader).isEqualTo(engines);
        assertSameAnswers(reader, "revoke checks on, candidate group",
            () -> tasks.createTaskQuery().taskCandidateGroup(EAST).orderByTaskCreateTime().desc().orderByTaskId().asc());
      }
      assertThat(ids("bea", () -> tasks.createTaskQuery().processInstanceIdIn(caseIds())))
          .containsExactlyInAnyOrder(id("cannockUnclaimed"), id("cannockBea"), id("eastAsh"));
    } finally {
      configuration.setAuthorizationCheckRevokes(before);
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  /** Every task of the query, the second page of two, and the count: through ours, then through the engine's. */
  private void assertSameAnswers(String reader, String name, Supplier<TaskQuery> query) {
    Answer ours = as(reader, () -> answer(query));
    Answer engines = withEnginesStatements(() -> as(reader, () -> answer(query)));
    assertThat(ours).as("%s as %s", name, reader).isEqualTo(engines);
    assertThat(ours.count()).as("%s as %s: the count", name, reader).isEqualTo(ours.all().size());
  }

  private static Answer answer(Supplier<TaskQuery> query) {
    return new Answer(ids(query.get().list()), ids(query.get().listPage(1, 2)), query.get().count(), query.get().count());
  }

  record Answer(List<String> all, List<String> page, long count, long countAgain) {
  }

  /** The work with the engine's own statements (the engine's mappings, without the application's). */
  private <T> T withEnginesStatements(Callable<T> work) {
    DbSqlSessionFactory sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDbSqlSessionFactory();
    Map<String, String> ours = sessions.getStatementMappings();
    Map<String, String> enginesOnly = new HashMap<>(ours);
    GrantQueriesPlugin.STATEMENTS.keySet().forEach(enginesOnly::remove);
    sessions.setStatementMappings(enginesOnly);
    try {
      return Unchecked.call(work);
    } finally {
      sessions.setStatementMappings(ours);
    }
  }

  private List<String> ids(String reader, Supplier<TaskQuery> query) {
    return as(reader, () -> ids(query.get().list()));
  }

  private static List<String> ids(List<? extends Task> found) {
    return found.stream().map(Task::getId).toList();
  }

  private String id(String name) {
    return task.get(name).getId();
  }

  private String[] caseIds() {
    return cases.toArray(String[]::new);
  }

  /** An advice-and-guidance task of the area, assigned or not, created {@code minute} minutes after the first. */
  private Task advisorTask(String area, String advisor, int minute) {
    ClockUtil.setCurrentTime(new Date(firstCreated.getTime() + minute * 60_000L));
    String reference = "RRP-2026-810" + minute;
    ProcessInstance referral = engine.getRuntimeService().createProcessInstanceByKey("referral")
        .businessKey(reference).startBeforeActivity("Task_GiveAdviceAndGuidance")
        .setVariables(ReferralRequests.valid().putValue(CASE_REFERENCE, reference).putValue(AREA, area)
            .putValue(SERVICE, "advice-and-guidance").putValue(ADVISOR_ID, advisor))
        .execute();
    cases.add(referral.getId());
    return tasks.createTaskQuery().processInstanceId(referral.getId()).singleResult();
  }

  private String grant(String userId, Resources resource, String resourceId, Permissions permission) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(userId);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    return authorizations.saveAuthorization(grant).getId();
  }

  private <T> T as(String userId, Callable<T> work) {
    return AsUser.as(engine, userId, work);
  }
}
