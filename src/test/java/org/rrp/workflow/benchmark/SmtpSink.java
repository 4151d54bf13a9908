package org.rrp.workflow.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;

import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The benchmark's SMTP server: accepts every message and keeps only how often each subject reached each recipient.
 * It answers each command in one write, as a mail relay does; GreenMail, the test suite's server, writes its EHLO
 * answer in two, and the second waits for a delayed TCP acknowledgement (about 40 ms per connection on Linux), so a
 * sender that opens a connection per message gets no more than about 21 messages a second per thread from it.
 */
final class SmtpSink implements AutoCloseable {

  private final SMTPServer server;
  private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

  SmtpSink(int port) {
    server = SMTPServer.port(port).bindAddress(InetAddress.getLoopbackAddress()).hostName("sink.example.org")
        .simpleMessageListener(new SimpleMessageListener() {
          @Override
          public boolean accept(String from, String recipient) {
            return true;
          }

          @Override
          public void deliver(String from, String recipient, InputStream data) throws IOException {
            String subject = subject(data);
            data.transferTo(OutputStream.nullOutputStream());
            received.computeIfAbsent(subject + "\n" + recipient, key -> new AtomicInteger()).incrementAndGet();
          }
        }).build();
    server.start();
  }

  private static String subject(InputStream data) throws IOException {
    try {
      String subject = new InternetHeaders(data).getHeader("Subject", null);
      return subject == null ? "" : MimeUtility.decodeText(subject);
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new IOException("not a message", e);
    }
  }

  /** Forgets everything received so far. */
  void clear() {
    received.clear();
  }

  /** Distinct subjects starting with the prefix. */
  long distinctSubjects(String prefix) {
    return received.keySet().stream().filter(key -> key.startsWith(prefix))
        .map(key -> key.substring(0, key.indexOf('\n'))).distinct().count();
  }

  /** Messages with a subject starting with the prefix, each arrival counted. */
  long messages(String prefix) {
    return counts(prefix).mapToLong(Integer::longValue).sum();
  }

  /** Arrivals beyond the first of the same subject (starting with the prefix) at the same recipient. */
  long duplicates(String prefix) {
    return counts(prefix).mapToLong(times -> times - 1L).sum();
  }

  private Stream<Integer> counts(String prefix) {
    return received.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix))
        .map(entry -> entry.getValue().get());
  }

  @Override
  public void close() {
    server.stop();
  }
}
