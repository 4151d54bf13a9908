package org.rrp.workflow.casework;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks, in working days (bank holidays excluded) per kind of task, set in configuration
 * ({@code rrp.deadlines.working-days.<kind>}) so coordinators change them without a rebuild.
 * Models use it as {@code camunda:dueDate="${deadlines.due('triage')}"}. Time comes from the engine's clock.
 */
@Component("deadlines")
public class TaskDeadlines {

  private final DeadlineProperties properties;
  private final WorkingDays workingDays;

  TaskDeadlines(DeadlineProperties properties, WorkingDays workingDays) {
    this.properties = properties;
    this.workingDays = workingDays;
  }

  public Date due(String kind) {
    return Date.from(workingDays.add(CaseClock.now(), daysFor(kind)).toInstant());
  }

  /** Due a number of working days after a meeting (an ISO date-time with offset, as the forms submit it). */
  public Date dueAfter(String meetingAt, String kind) {
    ZonedDateTime meeting = OffsetDateTime.parse(meetingAt).atZoneSameInstant(CaseClock.ZONE);
    return Date.from(workingDays.add(meeting, daysFor(kind)).toInstant());
  }

  private int daysFor(String kind) {
    Integer days = properties.workingDays().get(kind);
    if (days == null) {
      throw new IllegalStateException("No deadline is configured for tasks of kind '" + kind
          + "': set rrp.deadlines.working-days." + kind);
    }
    return days;
  }

  @ConfigurationProperties("rrp.deadlines")
  record DeadlineProperties(Map<String, Integer> workingDays) {
    DeadlineProperties {
      workingDays = workingDays == null ? Map.of() : Map.copyOf(workingDays);
    }
  }
}
