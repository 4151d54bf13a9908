package org.rrp.workflow.casework;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the case clock ({@link CaseClock}, the engine's {@code ClockUtil}) at another instant, for rehearsing a date
 * such as a year's end: {@code rrp.clock.start} is the instant the clock reads at {@code rrp.clock.start-at} (a real
 * instant; by default when the JVM started), and from there it runs on with real time, so timers, due dates and
 * case references behave as they would on that day. Several nodes given the same two values share one clock.
 *
 * <p>Refused on the {@code prod} profile unless {@code rrp.clock.allow-in-production=true}: a shifted clock misdates
 * every record, due date and case reference it touches and fires timers early, so a production node must never run
 * on one by mistake. Only a test of the packaged jar (the cluster test) allows it. Every start on a shifted clock logs
 * one warning saying so.
 */
public class ClockStart implements EnvironmentPostProcessor {

  static final String START = "rrp.clock.start";
  static final String START_AT = "rrp.clock.start-at";
  static final String ALLOW_IN_PRODUCTION = "rrp.clock.allow-in-production";

  private final Log log;

  public ClockStart(DeferredLogFactory logs) {
    this.log = logs.getLog(ClockStart.class);
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String start = environment.getProperty(START);
    if (start == null || start.isBlank()) {
      return;
    }
    if (Set.of(environment.getActiveProfiles()).contains("prod")
        && !environment.getProperty(ALLOW_IN_PRODUCTION, Boolean.class, false)) {
      throw new IllegalStateException(START + " shifts the clock of every case record, due date and case reference: "
          + "it cannot run with the prod profile. Remove it, or set " + ALLOW_IN_PRODUCTION + "=true on a test system.");
    }
    Instant reads = instant(START, start);
    String at = environment.getProperty(START_AT);
    Instant realStart = at == null || at.isBlank()
        ? Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()) : instant(START_AT, at);
    ClockUtil.offset(reads.toEpochMilli() - realStart.toEpochMilli());
    log.warn("The case clock is shifted (" + START + "): it read " + reads + " at " + realStart
        + " and runs on from there; it reads " + CaseClock.instant() + " now.");
  }

  private static Instant instant(String property, String value) {
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(property + " must be an ISO instant such as 2026-12-31T23:58:00Z, not '"
          + value + "'", e);
    }
  }
}
