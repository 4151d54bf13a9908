package org.rrp.workflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application context on an in-memory database with the demo users, but with the job executor off:
 * tests run jobs themselves ({@code execute(job())}) and drive time with the engine's clock. Mail goes to a
 * GreenMail server on {@link TestMail#SMTP}. The database is H2 in memory unless {@code RRP_TEST_ENGINE_DB_URL}
 * (and {@code RRP_TEST_DB_USERNAME}) name another, as {@code .ci/run} does for its PostgreSQL pass.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
    "spring.datasource.url=${rrp.test.engine-db-url:jdbc:h2:mem:rrp-engine-test;DB_CLOSE_DELAY=-1}",
    "spring.datasource.username=${rrp.test.db-username:sa}",
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=127.0.0.1",
    "spring.mail.port=${rrp.test.smtp-port:" + TestMail.DEFAULT_PORT + "}",
})
@ActiveProfiles("demo")
public @interface EngineTest {
}
