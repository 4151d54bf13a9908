package org.rrp.workflow.system;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

import javax.sql.DataSource;

/**
 * How the database schema is created and upgraded. Flyway owns it: on PostgreSQL, Camunda's own schema
 * ({@link CamundaSchemaMigration}), the application's tables ({@code db/migration}) and the shared webapp sessions
 * ({@link SpringSessionSchemaMigration}); on the embedded H2, the last two (the engine creates its own tables
 * there). The engine starts only after Flyway has run.
 * <ul>
 *   <li>{@code rrp.schema.migrate=true} (the default; the embedded database): pending migrations are applied at
 *   start-up.</li>
 *   <li>{@code rrp.schema.migrate=false} (the prod profile): a node only validates the schema and refuses to start
 *   when a migration is pending. Migrating is a separate, deliberate step: the same jar with the profiles
 *   {@code prod,migrate}, which migrates and exits.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SchemaConfiguration {

  @Bean
  FlywayConfigurationCustomizer camundaSchemaOnPostgres(@Value("${spring.datasource.url:}") String url) {
    return configuration -> configuration.javaMigrations(url.startsWith("jdbc:postgresql:")
        ? new JavaMigration[] {new CamundaSchemaMigration(), new SpringSessionSchemaMigration()}
        : new JavaMigration[] {new SpringSessionSchemaMigration()});
  }

  @Bean
  FlywayMigrationStrategy migrateOrValidate(@Value("${rrp.schema.migrate:true}") boolean migrate) {
    return flyway -> {
      if (migrate) {
        if (flyway.migrate().migrationsExecuted > 0) {
          reopenPooledConnections(flyway.getConfiguration().getDataSource());
        }
        return;
      }
      try {
        flyway.validate();
      } catch (FlywayException e) {
        throw new IllegalStateException("The database schema is not at this release's version, and this node does not "
            + "change it (rrp.schema.migrate=false). Run the schema step first: "
            + "java -jar rrp-workflow.jar --spring.profiles.active=prod,migrate", e);
      }
    };
  }

  /**
   * Replaces the pool's connections after migrations ran, on PostgreSQL. A migration may set the database's own
   * settings ({@code V15__task_query_planning.sql}: {@code plan_cache_mode}, {@code random_page_cost}, {@code jit},
   * which the task queries are planned by), and PostgreSQL gives those only to sessions opened after them. The pool
   * filled itself while Flyway ran, and its connections would live on without them for up to half an hour: a node on
   * PostgreSQL that migrates at start-up ({@code rrp.schema.migrate=true}: a demo, the benchmark) planned Tasklist's
   * filters as if the settings were not there. (Nodes of the prod profile start after the schema step.) Idle
   * connections are closed at once, a borrowed one when it is given back; the pool opens new ones as they are needed.
   */
  static void reopenPooledConnections(DataSource dataSource) {
    HikariDataSource pool = DataSourceUnwrapper.unwrap(dataSource, HikariConfigMXBean.class, HikariDataSource.class);
    if (pool != null && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
        && pool.getHikariPoolMXBean() != null) {
      pool.getHikariPoolMXBean().softEvictConnections();
    }
  }

  /** The schema step: the context has started (so migrations ran), nothing else is to be done. */
  @Bean
  @ConditionalOnProperty(name = "rrp.schema.migrate-only", havingValue = "true")
  ApplicationRunner exitAfterMigration(ApplicationContext context) {
    return arguments -> System.exit(SpringApplication.exit(context, () -> 0));
  }

  /** Makes the process engine wait for Flyway, so the schema exists (or is validated) before the engine looks. */
  static class ProcessEngineDependsOnFlyway extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {
    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
      return Set.of(ProcessEngine.class);
    }
  }
}
