package org.rrp.workflow.system;

import java.util.Date;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks, in working days per kind of task, set in configuration
 * ({@code rrp.deadlines.working-days.<kind>}) so coordinators change them without a rebuild.
 * Models use it as {@code camunda:dueDate="${deadlines.due('triage')}"}. Time comes from the engine's clock.
 */
@Component("deadlines")
public class TaskDeadlines {

  private final DeadlineProperties properties;

  TaskDeadlines(DeadlineProperties properties) {
    this.properties = properties;
  }

  public Date due(String kind) {
    Integer days = properties.workingDays().get(kind);
    if (days == null) {
      throw new IllegalStateException("No deadline is configured for tasks of kind '" + kind
          + "': set rrp.deadlines.working-days." + kind);
    }
    return Date.from(WorkingDays.add(CaseClock.now(), days).toInstant());
  }

  @ConfigurationProperties("rrp.deadlines")
  record DeadlineProperties(Map<String, Integer> workingDays) {
    DeadlineProperties {
      workingDays = workingDays == null ? Map.of() : Map.copyOf(workingDays);
    }
  }
}
