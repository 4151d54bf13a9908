package org.rrp.workflow.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Every task query (Tasklist's filters, {@code TaskService}, the REST API) runs the application's copy of the
 * engine's statements, {@code TaskQueryGrants.xml}, which tests the reader's grants as hashed semi-joins instead of
 * joining each task to every grant (see the comment at the top of the mapper for what differs). The mapper is
 * parsed into the engine's MyBatis configuration after the engine made it, and the engine's two statement ids are
 * mapped to the copies through the {@link DbSqlSessionFactory}'s statement mappings, which every select consults.
 */
@Component
class TaskQueryGrantsPlugin extends AbstractProcessEnginePlugin {

  static final String MAPPER = "org/rrp/workflow/security/TaskQueryGrants.xml";
  static final String NAMESPACE = "org.rrp.workflow.security.TaskQueryGrants.";

  /** The engine's statement id (what {@code TaskManager} asks for) and the application's statement serving it. */
  static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", NAMESPACE + "selectTaskByQueryCriteriaGrantsInWhere",
      "selectTaskCountByQueryCriteria", NAMESPACE + "selectTaskCountByQueryCriteriaGrantsInWhere");

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    // a shared SQL session factory (several engines in one JVM) has the statements already
    if (!mybatis.isResourceLoaded(MAPPER)) {
      try (InputStream mapper = TaskQueryGrantsPlugin.class.getClassLoader().getResourceAsStream(MAPPER)) {
        if (mapper == null) {
          throw new ProcessEngineException("the task query mapping " + MAPPER + " is missing from the class path");
        }
        new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new ProcessEngineException("cannot read the task query mapping " + MAPPER, e);
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
