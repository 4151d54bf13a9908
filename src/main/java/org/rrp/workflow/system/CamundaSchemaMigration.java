package org.rrp.workflow.system;

import java.sql.Connection;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates Camunda 7.24.0's PostgreSQL schema with the create scripts shipped in the engine jar, as a versioned
 * Flyway migration (0.1, before the application's own tables). A later Camunda version adds a migration that runs
 * that version's upgrade script from the jar ({@code org/camunda/bpm/engine/db/upgrade/postgres_engine_*.sql}).
 */
class CamundaSchemaMigration implements JavaMigration {

  static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
      "decision.engine", "decision.history");

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("0.1");
  }

  @Override
  public String getDescription() {
    return "Camunda 7.24.0 engine schema";
  }

  @Override
  public Integer getChecksum() {
    return COMPONENTS.hashCode();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) {
    Connection connection = context.getConnection();
    for (String component : COMPONENTS) {
      ScriptUtils.executeSqlScript(connection,
          new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.postgres.create." + component + ".sql"));
    }
  }
}
