package org.rrp.workflow;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console log as events (a line with a timestamp, and the lines of its stack trace), told apart by thread. The
 * job executors of whole-application contexts still running in the test JVM log beside a test's own work.
 */
public final class LogEvents {

  /** Spring Boot's console pattern: {@code <time> <level> <pid> --- [<application>] [<thread, last 15>] <logger>}. */
  private static final Pattern EVENT =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*? --- \\[[^\\]]*\\] \\[\\s*([^\\]]{1,15})\\] ");

  private LogEvents() {
  }

  /** The events of threads whose name, as the log shows it, passes the test. */
  public static String ofThreads(String log, Predicate<String> shownName) {
    StringBuilder kept = new StringBuilder();
    boolean keeping = false;
    for (String line : log.split("\\R")) {
      Matcher event = EVENT.matcher(line);
      if (event.find()) {
        keeping = shownName.test(event.group(1));
      }
      if (keeping) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }

  /** The events of the calling thread (the log keeps the last 15 characters of a thread's name). */
  public static String ofThisThread(String log) {
    String name = Thread.currentThread().getName();
    return ofThreads(log, name::endsWith);
  }

  /** The events of the web server's request threads. */
  public static String ofRequests(String log) {
    return ofThreads(log, shown -> shown.matches(".*exec-\\d+"));
  }
}
