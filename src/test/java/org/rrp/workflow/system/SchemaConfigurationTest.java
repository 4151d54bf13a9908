package org.rrp.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;

/**
 * What a node that migrates at start-up leaves its connection pool with. PostgreSQL only (run by {@code .ci/run}'s
 * PostgreSQL pass, on its {@code RRP_TEST_APP_DB_URL}): H2 has no settings of a database that its sessions take.
 */
class SchemaConfigurationTest {

  private static final int POOL_SIZE = 4;
  private static final String HISTORY = "rrp_test_pool_history";
  private static final String SETTING = "rrp.test_pool_marker";

  @Test
  void everyPooledConnectionHasTheSettingsAMigrationGaveTheDatabase() throws Exception {
    String url = System.getenv("RRP_TEST_APP_DB_URL");
    assumeTrue(url != null && url.startsWith("jdbc:postgresql:"), "PostgreSQL only");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(System.getenv().getOrDefault("RRP_TEST_DB_USERNAME", "postgres"));
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(POOL_SIZE);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      try {
        // the pool is full before the migration runs, as the application's is once Flyway has begun
        awaitFull(pool);
        Flyway flyway = Flyway.configure().dataSource(pool).table(HISTORY).baselineOnMigrate(true).baselineVersion("0")
            .locations("classpath:org/rrp/workflow/system/no-sql-migrations").failOnMissingLocations(false)
            .javaMigrations(new SettingMigration()).load();

        new SchemaConfiguration().migrateOrValidate(true).migrate(flyway);

        // every connection the pool hands out now, all of them at once, was opened with the setting
        List<Connection> borrowed = new ArrayList<>();
        try {
          for (int i = 0; i < POOL_SIZE; i++) {
            borrowed.add(pool.getConnection());
          }
          for (Connection connection : borrowed) {
            assertThat(settingOf(connection)).as("the setting in a pooled connection").isEqualTo("on");
          }
        } finally {
          for (Connection connection : borrowed) {
            connection.close();
          }
        }
      } finally {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
          statement.execute("drop table if exists " + HISTORY);
          statement.execute("do $$ begin execute format('alter database %I reset " + SETTING + "', current_database());"
              + " end $$");
        }
      }
    }
  }

  private static void awaitFull(HikariDataSource pool) throws InterruptedException {
    try (Connection first = pool.getConnection()) {
      // borrowing starts the pool, which then opens the rest in the background
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (pool.getHikariPoolMXBean().getTotalConnections() < POOL_SIZE) {
      assertThat(Instant.now()).as("the pool filled within 20 s").isBefore(deadline);
      Thread.sleep(20);
    }
  }

  private static String settingOf(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet value = statement.executeQuery("select current_setting('" + SETTING + "', true)")) {
      value.next();
      return value.getString(1);
    }
  }

  /** A migration that sets a setting of the database, as V15 sets the task queries' planning. */
  private static final class SettingMigration implements JavaMigration {
    @Override
    public MigrationVersion getVersion() {
      return MigrationVersion.fromVersion("1");
    }

    @Override
    public String getDescription() {
      return "a setting of the database";
    }

    @Override
    public Integer getChecksum() {
      return 1;
    }

    @Override
    public boolean canExecuteInTransaction() {
      return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
      try (Statement statement = context.getConnection().createStatement()) {
        statement.execute("do $$ begin execute format('alter database %I set " + SETTING + " = ''on''',"
            + " current_database()); end $$");
      }
    }
  }
}
