package org.rrp.workflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, on an in-memory database with the demo users and the job executor running
 * fast, sending mail to the tests' SMTP server: one context shared by every class that uses it. The database is H2
 * unless {@code RRP_TEST_APP_DB_URL} names another, as {@code .ci/run} does for its PostgreSQL pass. After each test the
 * jobs already due are let run ({@link JobsSettled}), so that its emails do not reach a later test's mail server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=${rrp.test.app-db-url:jdbc:h2:mem:rrp-app-test;DB_CLOSE_DELAY=-1}",
    "spring.datasource.username=${rrp.test.db-username:sa}",
    "spring.mail.host=127.0.0.1",
    "spring.mail.port=${rrp.test.smtp-port:" + TestMail.DEFAULT_PORT + "}",
    "camunda.bpm.job-execution.wait-time-in-millis=200",
    "camunda.bpm.job-execution.max-wait=1000",
})
@ActiveProfiles("demo")
@ExtendWith(JobsSettled.class)
public @interface WholeAppTest {
}
