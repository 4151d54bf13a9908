package org.rrp.workflow;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server for tests (GreenMail), on a fixed port the test contexts are configured with: 3925, or the
 * system property {@code rrp.test.smtp-port} (e.g. {@code mvn test -Drrp.test.smtp-port=3926} beside another build).
 */
public final class TestMail {

  public static final int DEFAULT_PORT = 3925;
  public static final int PORT = Integer.getInteger("rrp.test.smtp-port", DEFAULT_PORT);
  public static final ServerSetup SMTP = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

  private TestMail() {
  }

  public static GreenMailExtension server() {
    return new GreenMailExtension(SMTP);
  }

  /** The messages the server received for one address, in the order they arrived. */
  public static List<MimeMessage> to(GreenMailExtension server, String address) {
    return Arrays.stream(server.getReceivedMessages()).filter(message -> {
      try {
        return message.getAllRecipients()[0].toString().equals(address);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
