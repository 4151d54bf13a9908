package org.rrp.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.mail.javamail.JavaMailSender;

/** The demo's notifier: no SMTP server, so messages are logged (type, case, role: no personal data), once. */
@ExtendWith(OutputCaptureExtension.class)
class NotifierTest {

  EmbeddedDatabase database;
  Notifier notifier;

  @BeforeEach
  void setUp() {
    database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true)
        .addScripts("db/migration/V1__case_reference_and_allocation.sql", "db/migration/V2__notification_sent.sql").build();
    NotificationLog log = new NotificationLog(new JdbcTemplate(database), new DataSourceTransactionManager(database));
    notifier = new Notifier(new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class), "rrp@example.org", log);
  }

  @AfterEach
  void tearDown() {
    database.shutdown();
  }

  @Test
  void withoutSmtpAMessageIsLoggedWithoutPersonalData(CapturedOutput output) {
    notifier.send(reminder());

    assertThat(output).contains("meeting-reminder email for case RRP-2026-0042 to the participant logged, not sent")
        .doesNotContain("jo.carer@example.org").doesNotContain("Robin");
  }

  @Test
  void aOnceOnlyMessageGoesOnceWhateverHappensAfter() {
    assertThat(notifier.sendOnce(OnceKey.forCase("RRP-2026-0042", "meeting", "initial"), reminder())).isTrue();
    assertThat(notifier.sendOnce(OnceKey.forCase("RRP-2026-0042", "meeting", "initial"), reminder())).isFalse();
    assertThat(notifier.sendOnce(OnceKey.forCase("RRP-2026-0042", "meeting", "review 1"), reminder())).isTrue();
    assertThat(notifier.sendOnce(OnceKey.forCase("RRP-2026-0042", "meeting", "initial"), reminder("sam.carer@example.org")))
        .as("the same event for another recipient").isTrue();
  }

  private static Notification reminder() {
    return reminder("jo.carer@example.org");
  }

  private static Notification reminder(String to) {
    return new Notification("meeting-reminder", "RRP-2026-0042", "participant", to,
        "Reminder: Solution Focused Circle initial meeting", "About Robin's mornings.");
  }
}
