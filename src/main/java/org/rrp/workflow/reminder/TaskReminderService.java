package org.rrp.workflow.reminder;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.rrp.workflow.identity.RrpGroups;
import org.rrp.workflow.notification.Notification;
import org.rrp.workflow.notification.Notifier;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.WithoutAuthorization;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Reminds whoever should do an overdue task (its assignee, or the members of its candidate groups when nobody
 * has claimed it), and escalates it to the coordinators when it stays open. Each message goes once.
 */
@Service
class TaskReminderService {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

  private final TaskWatch taskWatch;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final Notifier notifier;
  private final String tasklistUrl;

  TaskReminderService(TaskWatch taskWatch, TaskService taskService, IdentityService identityService, Notifier notifier,
      @Value("${rrp.tasklist-url}") String tasklistUrl) {
    this.taskWatch = taskWatch;
    this.taskService = taskService;
    this.identityService = identityService;
    this.notifier = notifier;
    this.tasklistUrl = tasklistUrl;
  }

  void remindOverdue(String taskId, String caseReference) {
    Task task = taskWatch.find(taskId);
    if (task == null) {
      return;
    }
    boolean claimed = task.getAssignee() != null;
    for (String email : claimed ? emailsOfUser(task.getAssignee()) : emailsOfCandidates(taskId)) {
      notifier.sendOnce("task/" + taskId + "/overdue/" + email, new Notification("task-overdue", caseReference,
          claimed ? "assignee" : "candidate group", email,
          "Overdue: " + task.getName() + " (" + label(caseReference) + ")",
          """
          The task "%s" of %s was due on %s and is still open.

          Please complete it, or tell the RRP coordinator if it cannot be done: %s

          RRP team, Virtual School
          """.formatted(task.getName(), label(caseReference), due(task), tasklistUrl)));
    }
  }

  void escalate(String taskId, String caseReference) {
    Task task = taskWatch.find(taskId);
    if (task == null) {
      return;
    }
    String holder = task.getAssignee() != null ? "assigned to " + task.getAssignee() : "not claimed by anyone";
    for (String email : emailsOfGroup(RrpGroups.COORDINATORS)) {
      notifier.sendOnce("task/" + taskId + "/escalated/" + email, new Notification("task-escalated", caseReference,
          "coordinator", email,
          "Escalation: " + task.getName() + " (" + label(caseReference) + ") is overdue",
          """
          The task "%s" of %s, %s, was due on %s and is still open after a reminder.

          Please follow it up, and reassign it in Tasklist if needed: %s

          RRP team, Virtual School
          """.formatted(task.getName(), label(caseReference), holder, due(task), tasklistUrl)));
    }
  }

  private static String label(String caseReference) {
    return caseReference == null ? "a task without a case" : "case " + caseReference;
  }

  private static String due(Task task) {
    return task.getDueDate().toInstant().atZone(CaseClock.ZONE).format(DAY);
  }

  private Set<String> emailsOfCandidates(String taskId) {
    Set<String> emails = new LinkedHashSet<>();
    for (IdentityLink link : WithoutAuthorization.call(() -> taskService.getIdentityLinksForTask(taskId))) {
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
