package org.rrp.workflow;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server for tests (GreenMail). Its port is reserved free for each build (Maven sets
 * {@value #PORT_PROPERTY}), so builds running side by side on one machine never share a mail server; the test
 * contexts send to {@code ${rrp.test.smtp-port}}.
 */
public final class TestMail {

  public static final String PORT_PROPERTY = "rrp.test.smtp-port";
  /** The port when no build reserved one (a test run from the IDE). */
  public static final int DEFAULT_PORT = 3925;
  public static final int PORT = Integer.getInteger(PORT_PROPERTY, DEFAULT_PORT);
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
