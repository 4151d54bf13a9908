package org.rrp.workflow;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server for tests (GreenMail), on a fixed port the test contexts are configured with. */
public final class TestMail {

  public static final int PORT = 3925;
  public static final ServerSetup SMTP = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

  private TestMail() {
  }

  public static GreenMailExtension server() {
    return new GreenMailExtension(SMTP);
  }
}
