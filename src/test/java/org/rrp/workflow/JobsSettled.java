package org.rrp.workflow;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After each test of a context whose job executor runs (not one that turned it off), waits until the jobs already due have run: the emails a
 * test's cases send (a request's acknowledgement, the coordinators' and the advisor's notices) go to the SMTP server
 * of that test, not of a test class that comes after it and listens on the same port. Jobs due later (deadline timers
 * days ahead) and jobs whose retries ran out are not waited for.
 */
public class JobsSettled implements AfterEachCallback {

  private static final Logger LOG = LoggerFactory.getLogger(JobsSettled.class);
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    ProcessEngine engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    if (!((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().isActive()) {
      return;
    }
    Instant until = Instant.now().plus(PATIENCE);
    long due;
    while ((due = engine.getManagementService().createJobQuery().executable().count()) > 0) {
      if (Instant.now().isAfter(until)) {
        LOG.warn("{} jobs still due {} s after {}", due, PATIENCE.toSeconds(), context.getDisplayName());
        return;
      }
      Thread.sleep(50);
    }
  }
}
