package org.rrp.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rrp.workflow.WholeAppTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Which of the engine's statements PostgreSQL may plan once for unknown values: none that reads authorizations.
 */
@WholeAppTest
class AuthorizationQueryPlanningTest {

  /** More runs on one connection than pgjdbc's prepare threshold (5), after which it prepares a statement. */
  private static final int RUNS = 8;

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void forgetTheReader() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void theEnginesStatementsPassThroughThePlanning() {
    assertThat(configuration().getSqlSessionFactory().getConfiguration().getInterceptors())
        .filteredOn(AuthorizationQueryPlanning.class::isInstance).hasSize(1);
  }

  @Test
  void onPostgresqlAStatementReadingAuthorizationsIsPlannedWithItsValuesAtEveryRunAndOthersOnce() {
    assumeTrue(configuration().getDatabaseType().equals("postgres"), "PostgreSQL only");
    engine.getIdentityService().setAuthentication("alex", List.of("rrp-advisors", "area-east-staffs-tamworth"));

    List<String> prepared = configuration().getCommandExecutorTxRequired().execute(context -> {
      for (int run = 0; run < RUNS; run++) {
        // an advisor's "My area" count, as Tasklist asks it: with the reader's grants
        TaskQueryImpl area = new TaskQueryImpl();
        area.taskCandidateGroup("area-east-staffs-tamworth").includeAssignedTasks();
        area.executeCount(context);
        // a read that checks nothing: the administrator's view of one process
        context.disableAuthorizationCheck();
        try {
          ProcessDefinitionQueryImpl process = new ProcessDefinitionQueryImpl();
          process.processDefinitionKey("rrp-referral");
          process.executeCount(context);
        } finally {
          context.enableAuthorizationCheck();
        }
      }
      return preparedStatementsOf(context.getDbSqlSession().getSqlSession().getConnection());
    });

    assertThat(prepared).as("the connection's server-side prepared statements")
        .anyMatch(sql -> sql.contains("ACT_RE_PROCDEF") && !sql.contains(AuthorizationQueryPlanning.AUTHORIZATIONS))
        .noneMatch(sql -> sql.contains(AuthorizationQueryPlanning.AUTHORIZATIONS));
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  private static List<String> preparedStatementsOf(Connection connection) {
    List<String> statements = new ArrayList<>();
    try (Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery("select statement from pg_prepared_statements where not from_sql")) {
      while (rows.next()) {
        statements.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return statements;
  }
}
