package org.rrp.workflow.reminder;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.rrp.workflow.identity.RrpGroups;
import org.rrp.workflow.notification.MailTemplates;
import org.rrp.workflow.notification.Notifier;
import org.rrp.workflow.notification.OnceKey;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.rrp.workflow.casework.EnglishDates;
import org.springframework.stereotype.Service;

/**
 * Reminds whoever should do an overdue task (its assignee, or the members of its candidate groups when nobody
 * has claimed it), and escalates it to the coordinators when it stays open. Each message goes once.
 */
@Service
class TaskReminderService {

  static final DateTimeFormatter DAY = EnglishDates.WEEKDAY_AND_TIME;

  private final Reminders reminders;
  private final IdentityService identityService;
  private final Notifier notifier;
  private final MailTemplates mail;

  TaskReminderService(Reminders reminders, IdentityService identityService, Notifier notifier, MailTemplates mail) {
    this.reminders = reminders;
    this.identityService = identityService;
    this.notifier = notifier;
    this.mail = mail;
  }

  void remindOverdue(TaskEntity task, String caseReference) {
    boolean claimed = task.getAssignee() != null;
    for (String email : claimed ? emailsOfUser(task.getAssignee()) : emailsOfCandidates(task)) {
      notifier.sendOnce(OnceKey.forTask(task.getId(), "overdue"), mail.compose("task-overdue", caseReference,
          claimed ? "assignee" : "candidate group", email, about(task, caseReference)));
    }
  }

  void escalate(Task task, String caseReference) {
    Map<String, Object> about = about(task, caseReference);
    about.put("holder", task.getAssignee() != null ? "assigned to " + task.getAssignee() : "not claimed by anyone");
    for (String email : emailsOfGroup(RrpGroups.COORDINATORS)) {
      notifier.sendOnce(OnceKey.forTask(task.getId(), "escalated"), mail.compose("task-escalated", caseReference,
          "coordinator", email, about));
    }
  }

  /** When a task that fell due at {@code due} and is still open goes to the coordinators. */
  Date escalationAfter(Date due) {
    return reminders.escalationAfter(due);
  }

  private static Map<String, Object> about(Task task, String caseReference) {
    return MailTemplates.model("taskName", task.getName(), "caseLabel", label(caseReference), "due", due(task));
  }

  private static String label(String caseReference) {
    return caseReference == null ? "a task without a case" : "case " + caseReference;
  }

  private static String due(Task task) {
    return task.getDueDate().toInstant().atZone(CaseClock.ZONE).format(DAY);
  }

  /** Inside the job's command: the task's own links, read as the engine reads them, not through another command. */
  private Set<String> emailsOfCandidates(TaskEntity task) {
    Set<String> emails = new LinkedHashSet<>();
    for (IdentityLink link : task.getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        emails.addAll(link.getGroupId() != null ? emailsOfGroup(link.getGroupId()) : emailsOfUser(link.getUserId()));
      }
    }
    return emails;
  }

  private Set<String> emailsOfGroup(String groupId) {
    Set<String> emails = new LinkedHashSet<>();
    WithoutAuthorization.call(() -> identityService.createUserQuery().memberOfGroup(groupId).list()).stream()
        .map(User::getEmail).filter(email -> email != null && !email.isBlank()).forEach(emails::add);
    return emails;
  }

  private Set<String> emailsOfUser(String userId) {
    User user = WithoutAuthorization.call(() -> identityService.createUserQuery().userId(userId).singleResult());
    return user == null || user.getEmail() == null || user.getEmail().isBlank() ? Set.of() : Set.of(user.getEmail());
  }
}
