package org.rrp.workflow.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * The application's own statements for the engine's authorization-checked reads, whose cost would otherwise grow with
 * the authorizations (an area's group holds one per open task): every task query (Tasklist's filters,
 * {@code TaskService}, the REST API) and every variable-instance query (the variable columns of a filter's list) runs
 * the application's copy of the engine's statements, {@code TaskQueryGrants.xml} and {@code VariableQueryGrants.xml},
 * which test the reader's grants in the where clause (a lookup per row where few rows are tested, the reader's grants
 * hashed once where many are) instead of joining each row to every grant. (The engine's read of every authorization to
 * find the groups holding any is not made at all: {@link GrantsOnly}.)
 * <p>
 * The comment at the top of each mapper says what differs from the engine's statement. The mappers are parsed into
 * the engine's MyBatis configuration after the engine made it, and the engine's statement ids are mapped to the
 * application's through the {@link DbSqlSessionFactory}'s statement mappings, which every select consults.
 */
@Component
class GrantQueriesPlugin extends AbstractProcessEnginePlugin {

  /** The mappers, in the order they are parsed (the second uses the first's grant test). */
  static final List<String> MAPPERS = List.of("org/rrp/workflow/security/TaskQueryGrants.xml",
      "org/rrp/workflow/security/VariableQueryGrants.xml");
  static final String NAMESPACE = "org.rrp.workflow.security.TaskQueryGrants.";
  static final String VARIABLE_NAMESPACE = "org.rrp.workflow.security.VariableQueryGrants.";

  /**
   * The engine's statement id (what {@code TaskManager} and {@code VariableInstanceManager} ask for) and the
   * application's statement serving it.
   */
  static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", NAMESPACE + "selectTaskByQueryCriteriaGrantsInWhere",
      "selectTaskCountByQueryCriteria", NAMESPACE + "selectTaskCountByQueryCriteriaGrantsInWhere",
      "selectVariableInstanceByQueryCriteria", VARIABLE_NAMESPACE + "selectVariableInstanceByQueryCriteriaGrantsInWhere",
      "selectVariableInstanceCountByQueryCriteria", VARIABLE_NAMESPACE + "selectVariableInstanceCountByQueryCriteriaGrantsInWhere");

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    for (String resource : MAPPERS) {
      // a shared SQL session factory (several engines in one JVM) has the statements already
      if (!mybatis.isResourceLoaded(resource)) {
        try (InputStream mapper = GrantQueriesPlugin.class.getClassLoader().getResourceAsStream(resource)) {
          if (mapper == null) {
            throw new ProcessEngineException("the query mapping " + resource + " is missing from the class path");
          }
          new XMLMapperBuilder(mapper, mybatis, resource, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
          throw new ProcessEngineException("cannot read the query mapping " + resource, e);
        }
      }
    }
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    // the engine's mappings are one map per database type shared by every engine: change a copy
    Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
        : new HashMap<>(sessions.getStatementMappings());
    mappings.putAll(STATEMENTS);
    sessions.setStatementMappings(mappings);
  }
}
