package org.rrp.workflow;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rrp.workflow.casework.CaseClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * What every process test class shares: the application's engine through {@link ProcessEngineExtension}, a real
 * SMTP server, and each test starting from no open case, no caseload, no mail sent, at {@link #FRIDAY_MORNING} on
 * the engine's clock.
 */
@EngineTest
public abstract class CaseProcessTest {

  /** Friday 6 March 2026, 10:00 in the UK (GMT). */
  protected static final ZonedDateTime FRIDAY_MORNING = ZonedDateTime.of(2026, 3, 6, 10, 0, 0, 0, CaseClock.ZONE);

  @RegisterExtension
  protected static final GreenMailExtension mail = TestMail.server();

  @RegisterExtension
  protected final ProcessEngineExtension engine;

  @Autowired
  protected JdbcTemplate jdbc;

  protected CaseProcessTest(ProcessEngine processEngine) {
    engine = ProcessEngineExtension.builder().useProcessEngine(processEngine).build();
  }

  @BeforeEach
  void startFromNoOpenCases() {
    BpmnAwareTests.init(engine.getProcessEngine());
    engine.setCurrentTime(Date.from(FRIDAY_MORNING.toInstant()));
    RuntimeService runtime = engine.getRuntimeService();
    for (ProcessInstance root : runtime.createProcessInstanceQuery().rootProcessInstances().list()) {
      // Deleting a case ends its called circle and, through its tasks, their deadline watches.
      if (runtime.createProcessInstanceQuery().processInstanceId(root.getId()).count() == 1) {
        runtime.deleteProcessInstance(root.getId(), "test clean-up", false, true);
      }
    }
    jdbc.update("delete from rrp_case_allocation");
    jdbc.update("delete from rrp_notification_sent");
  }

  @AfterEach
  void forgetEngine() {
    BpmnAwareTests.reset();
  }

  /** A moment in the UK, on the hour. */
  protected static Date at(int year, int month, int day, int hour) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, CaseClock.ZONE).toInstant());
  }

  /** A list as Camunda Forms submit it: a Spin JSON value. */
  protected static JsonValue json(String json) {
    return SpinValues.jsonValue(json).create();
  }

  /** To whom the mail server was sent each message, in order. */
  protected static List<String> recipients() throws MessagingException {
    List<String> recipients = new ArrayList<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      recipients.add(message.getAllRecipients()[0].toString());
    }
    return recipients;
  }
}
