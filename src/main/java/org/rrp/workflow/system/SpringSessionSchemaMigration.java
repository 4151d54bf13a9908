package org.rrp.workflow.system;

import java.sql.Connection;
import java.sql.SQLException;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The tables of the shared webapp sessions (Spring Session JDBC), from the schema script Spring Session ships
 * for the database in use (H2 or PostgreSQL): migration 3.
 */
class SpringSessionSchemaMigration implements JavaMigration {

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("3");
  }

  @Override
  public String getDescription() {
    return "shared webapp sessions";
  }

  @Override
  public Integer getChecksum() {
    return 3;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    String vendor = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres") ? "postgresql" : "h2";
    ScriptUtils.executeSqlScript(connection, new ClassPathResource("org/springframework/session/jdbc/schema-" + vendor + ".sql"));
  }
}
