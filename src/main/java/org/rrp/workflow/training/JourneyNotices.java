package org.rrp.workflow.training;

import static org.rrp.workflow.notification.MailTemplates.model;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.notification.Attachment;
import org.rrp.workflow.notification.MailTemplates;
import org.rrp.workflow.notification.Notifier;
import org.rrp.workflow.notification.OnceKey;
import org.rrp.workflow.training.JourneyRecords.Lead;
import org.springframework.stereotype.Service;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.casework.EnglishDates;

/** The emails of a training journey, each sent once per recipient. Subjects name the setting's identifier only. */
@Service
class JourneyNotices {

  static final DateTimeFormatter DAY = EnglishDates.DAY;
  static final DateTimeFormatter WHEN = EnglishDates.WEEKDAY_AND_TIME;

  /** Who a journey's emails go to, and what they name. */
  record Setting(String id, String name, List<Lead> leads) {
  }

  private final Notifier notifier;
  private final MailTemplates mail;

  JourneyNotices(Notifier notifier, MailTemplates mail) {
    this.notifier = notifier;
    this.mail = mail;
  }

  void stageOverdue(Setting setting, String stageId, String stageName, LocalDate dueOn, String stillToDo) {
    toLeads(setting, "training-stage-overdue", OnceKey.forJourney(setting.id(), "overdue", stageId, dueOn),
        model(TrainingVariables.STAGE_NAME, stageName, "dueOn", dueOn.format(DAY), "stillToDo", stillToDo));
  }

  void stageEscalated(Setting setting, String stageId, String stageName, LocalDate dueOn, String stillToDo,
      List<String> advisorEmails) {
    Map<String, Object> values = values(setting, model(TrainingVariables.STAGE_NAME, stageName, "dueOn", dueOn.format(DAY),
        "stillToDo", stillToDo, "leadEmails", setting.leads().stream().map(Lead::email).collect(Collectors.joining(", "))));
    for (String email : advisorEmails) {
      notifier.sendOnce(OnceKey.forJourney(setting.id(), "escalated", stageId, dueOn),
          mail.compose("training-stage-escalated", setting.id(), "area advisor", email, values));
    }
  }

  /**
   * A place on the event is offered to the setting, from its waiting-list entry {@code bookingId}: once per entry, so
   * a setting offered a place again after joining the list again is told again, and a retry never twice.
   */
  void placeOffered(Setting setting, String stageName, TrainingCalendar.Event event, long bookingId) {
    toLeads(setting, "training-place-offered", OnceKey.forJourney(setting.id(), "place-offered", event.id(), bookingId),
        model(TrainingVariables.STAGE_NAME, stageName, TrainingVariables.EVENT_TITLE, event.title(), "venue", event.venue(),
            "when", event.startsAt().atZone(CaseClock.ZONE).format(WHEN)));
  }

  /** The event the setting waited for began with no place free: it left the list and is asked to book another. */
  void waitingListClosed(Setting setting, String stageName, TrainingCalendar.Event event) {
    toLeads(setting, "training-waiting-list-closed", OnceKey.forJourney(setting.id(), "waiting-list-closed", event.id()),
        model(TrainingVariables.STAGE_NAME, stageName, TrainingVariables.EVENT_TITLE, event.title(),
            "when", event.startsAt().atZone(CaseClock.ZONE).format(WHEN)));
  }

  void certificate(Setting setting, String stageId, String stageName, LocalDate completedOn, String nextStage,
      byte[] pdf) {
    Map<String, Object> values = values(setting, model(TrainingVariables.STAGE_NAME, stageName, "completedOn", completedOn.format(DAY),
        "nextStage", nextStage));
    Attachment certificate = new Attachment(fileName(stageId), "application/pdf", pdf);
    for (Lead lead : setting.leads()) {
      notifier.sendOnce(OnceKey.forJourney(setting.id(), "certificate", stageId),
          mail.compose("training-certificate", setting.id(), "setting lead", lead.email(), values), certificate);
    }
  }

  void journeyEnded(Setting setting, String stageName, String reason) {
    toLeads(setting, "training-journey-ended", OnceKey.forJourney(setting.id(), "ended", stageName,
        CaseClock.today()), model(TrainingVariables.STAGE_NAME, stageName, "reason", reason));
  }

  static String fileName(String stageId) {
    return "certificate-" + stageId + ".pdf";
  }

  private void toLeads(Setting setting, String type, OnceKey about, Map<String, Object> model) {
    Map<String, Object> values = values(setting, model);
    for (Lead lead : setting.leads()) {
      notifier.sendOnce(about, mail.compose(type, setting.id(), "setting lead", lead.email(), values));
    }
  }

  private static Map<String, Object> values(Setting setting, Map<String, Object> model) {
    model.put(TrainingVariables.SETTING_ID, setting.id());
    model.put(CaseVariables.SETTING_NAME, setting.name());
    return model;
  }
}
