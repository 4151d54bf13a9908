package org.rrp.workflow.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.rrp.workflow.TestMail;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The whole application on a random port, configured as {@code RrpWorkflowApplicationTest} (one shared context). */
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
@interface WholeAppTest {
}
