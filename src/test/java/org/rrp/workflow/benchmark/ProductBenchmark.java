package org.rrp.workflow.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.rrp.workflow.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The performance benchmark of the whole product against a bare skeleton (README, "Performance"). Not a test: it asserts nothing, and runs only in the
 * {@code benchmark} Maven profile ({@code mvn -Pbenchmark verify -Dbenchmark.db=h2|postgresql}), whose failsafe run
 * includes nothing else. In one run, on one database:
 * <ol>
 * <li>the database's own commit limit: tiny committed transactions on the application's connection pool;</li>
 * <li>whole-product circle cases against the bare skeleton, interleaved batches, at 1 and 2 client threads, over
 * {@code /engine-rest} as the people drive Tasklist; SQL statements by kind and commits per case;</li>
 * <li>Tasklist's filters as an advisor (authorization on) over the webapps' API at two numbers of open tasks;</li>
 * <li>nodes of the packaged jar at {@code -Xmx512m}: time to ready, a burst of reminders due at once on one node and on
 * two (PostgreSQL), duplicates, resident memory after the burst's cases.</li>
 * </ol>
 * Sizes are system properties ({@code benchmark.quick=true} for a run of minutes). Each phase adds its figures to
 * {@code target/benchmark/results-<db>.json} as it ends; the table with the targets is printed at the end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=${benchmark.app-db-url:jdbc:h2:mem:rrp-benchmark;DB_CLOSE_DELAY=-1}",
    "spring.datasource.username=${benchmark.db-username:sa}",
    "spring.mail.host=127.0.0.1",
    "spring.mail.port=${rrp.test.smtp-port:" + TestMail.DEFAULT_PORT + "}",
    // the skeleton's gateways and due dates read its own variables (a benchmark-only deployment)
    "rrp.modeling.expression-variables=" + BenchmarkVariables.SKELETON_STOP + "," + BenchmarkVariables.SKELETON_DUE,
})
@ActiveProfiles("demo")
class ProductBenchmark {

  static final BenchmarkSettings SETTINGS = BenchmarkSettings.fromSystemProperties();
  static final SqlCounter SQL = new SqlCounter();
  /** The pool without the counting proxy: the benchmark's own waiting and probing is not counted. */
  static volatile DataSource uncounted;

  static {
    SETTINGS.prepareApplicationDatabase();
  }

  @TestConfiguration
  static class CountingDataSource {
    @Bean
    static BeanPostProcessor countEveryStatement() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (bean instanceof DataSource dataSource && "dataSource".equals(name)) {
            uncounted = dataSource;
            return SQL.counting(dataSource);
          }
          return bean;
        }
      };
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void measure() throws Exception {
    Results results = new Results(SETTINGS);
    results.save();
    try (SmtpSink mail = new SmtpSink(TestMail.PORT)) {
      Http http = new Http(port, "demo");
      JdbcTemplate probe = new JdbcTemplate(uncounted);
      if (SETTINGS.runs("commits")) {
        results.commitLimit(CommitLimit.measure(uncounted, SETTINGS));
        results.phaseEnded("commits");
        results.save();
      }
      if (SETTINGS.runs("throughput")) {
        engine.getRepositoryService().createDeployment().name("benchmark skeleton")
            .addClasspathResource("benchmark/benchmark-skeleton.bpmn")
            .addClasspathResource("benchmark/benchmark-skeleton-start.form")
            .addClasspathResource("benchmark/benchmark-skeleton-step.form").deploy();
        new Throughput(new CaseDrivers(http), probe, SQL, SETTINGS, mail).measure(results);
        results.phaseEnded("throughput");
        results.save();
      }
      mail.clear();
      if (SETTINGS.runs("filters")) {
        new FilterTimes(http, new OpenTasks(engine, transactions, uncounted), SETTINGS).measure(results);
        results.phaseEnded("filters");
        results.save();
      }
    }
    if (SETTINGS.runs("nodes")) {
      new NodeBench(SETTINGS).measure(results);
      results.phaseEnded("nodes");
      results.save();
    }
    results.print();
  }
}
