package org.rrp.workflow.reminder;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When reminders go out, set in configuration ({@code rrp.reminders.*}) so coordinators change them without a
 * rebuild.
 *
 * @param meetingLeadWorkingDays how many working days before a meeting its participants are reminded
 * @param escalateAfterWorkingDays how many working days after a task fell due, still open, it is escalated
 * @param actionCheckCycle when the action plans of open cases are checked for actions falling due (a cron
 *     expression, Camunda's timer cycle syntax)
 */
@ConfigurationProperties("rrp.reminders")
public record ReminderProperties(int meetingLeadWorkingDays, int escalateAfterWorkingDays, String actionCheckCycle) {
}
