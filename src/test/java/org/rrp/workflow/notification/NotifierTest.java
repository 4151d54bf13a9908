package org.rrp.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;

import jakarta.mail.util.StreamProvider;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.eclipse.angus.mail.util.MailStreamProvider;
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
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The demo's notifier: no SMTP server, so messages are logged (type, case, role: no personal data), once. */
@ExtendWith(OutputCaptureExtension.class)
class NotifierTest {

  EmbeddedDatabase database;
  JdbcTemplate jdbc;
  NotificationLog log;
  Notifier notifier;

  @BeforeEach
  void setUp() {
    database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true)
        .addScripts("db/migration/V1__case_reference_and_allocation.sql", "db/migration/V2__notification_sent.sql",
            "db/migration/V18__notification_claims.sql").build();
    jdbc = new JdbcTemplate(database);
    log = new NotificationLog(jdbc, new DataSourceTransactionManager(database));
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
  void jakartaMailFindsItsStreamProviderByNameNotByASearchOfTheClassPath() {
    assertThat(System.getProperty(StreamProvider.class.getName()))
        .as("named in the property Jakarta Mail reads before it searches").isEqualTo(MailStreamProvider.class.getName());
    assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
  }

  @Test
  void aOnceOnlyMessageGoesOnceWhateverHappensAfter() {
    assertThat(notifier.sendOnce(OnceKey.forCase("RRP-2026-0042", "meeting", "initial"), reminder())).isTrue();
    assertThat(notifier.sendOnce(OnceKey.forCase("RRP-2026-0042", "meeting", "initial"), reminder())).isFalse();
    assertThat(notifier.sendOnce(OnceKey.forCase("RRP-2026-0042", "meeting", "review 1"), reminder())).isTrue();
    assertThat(notifier.sendOnce(OnceKey.forCase("RRP-2026-0042", "meeting", "initial"), reminder("sam.carer@example.org")))
        .as("the same event for another recipient").isTrue();
  }

  @Test
  void aMessageClaimedByAnotherSenderIsNotSentTwiceButTakenOverOnceItsClaimLapses() {
    OnceKey about = OnceKey.forCase("RRP-2026-0042", "meeting", "initial");
    // another node runs the same reminder and has claimed it, not yet sent it
    assertThat(log.claim(about.to("jo.carer@example.org"), reminder(), Instant.now()))
        .isEqualTo(NotificationLog.Claim.CLAIMED);

    assertThatThrownBy(() -> notifier.sendOnce(about, reminder())).isInstanceOf(Notifier.BeingSentElsewhere.class)
        .as("a conflict the job executor logs in one line and tries again").isInstanceOf(OptimisticLockingException.class)
        .hasMessageNotContaining("jo.carer");

    // that node died before sending: once its claim lapses, this sender takes it over, once
    jdbc.update("update rrp_notification_sent set claimed_until = ?", Timestamp.from(Instant.now().minusSeconds(1)));
    assertThat(notifier.sendOnce(about, reminder())).isTrue();
    assertThat(notifier.sendOnce(about, reminder())).isFalse();
    assertThat(jdbc.queryForObject("select count(*) from rrp_notification_sent where sent_at is not null "
        + "and claimed_until is null", Integer.class)).isEqualTo(1);
  }

  @Test
  void aFailedSendGivesItsClaimBackSoTheRetrySends() {
    JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
    unreachable.setHost("127.0.0.1");
    unreachable.setPort(1);
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    beans.registerSingleton("mailSender", unreachable);
    Notifier failing = new Notifier(beans.getBeanProvider(JavaMailSender.class), "rrp@example.org", log);
    OnceKey about = OnceKey.forCase("RRP-2026-0042", "meeting", "initial");

    assertThatThrownBy(() -> failing.sendOnce(about, reminder())).isInstanceOf(MailException.class);
    assertThat(jdbc.queryForObject("select count(*) from rrp_notification_sent", Integer.class)).isZero();

    assertThat(notifier.sendOnce(about, reminder())).as("the retry, with the server back").isTrue();
  }

  private static Notification reminder() {
    return reminder("jo.carer@example.org");
  }

  private static Notification reminder(String to) {
    return new Notification("meeting-reminder", "RRP-2026-0042", "participant", to,
        "Reminder: Solution Focused Circle initial meeting", "About Robin's mornings.");
  }
}
