package org.rrp.workflow.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.runtime.ActivityInstanceState;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.casework.WorkingDays;
import org.rrp.workflow.circle.CircleVariables;
import org.rrp.workflow.conference.ConferenceVariables;
import org.rrp.workflow.figures.CaseFacts.Column;
import org.rrp.workflow.referral.ReferralVariables;

/**
 * Keeps {@link CaseFacts} up to date from the engine's history events, in the engine's own transaction: a case's
 * row is made when a referral starts and filled in as its variables are set (eligibility, the coordinator's
 * decision, service, area, advisor, the circle's first meeting and outcome) and when it ends. No model needs a
 * listener for it, and a command that rolls back leaves no fact behind.
 */
class CaseFactRecorder implements HistoryEventHandler {

  static final String REFERRAL = "referral";
  static final String ALLOCATE_BY_HAND = "Task_AllocateAdvisorByHand";
  static final String RECORD_REVIEW = "Task_RecordReviewMeeting";

  private final CaseFacts facts;
  private final WorkingDays workingDays;

  CaseFactRecorder(CaseFacts facts, WorkingDays workingDays) {
    this.facts = facts;
    this.workingDays = workingDays;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    String caseId = event.getRootProcessInstanceId() != null ? event.getRootProcessInstanceId() : event.getProcessInstanceId();
    if (caseId == null) {
      return;
    }
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      if (isSet(variable)) {
        variableSet(caseId, variable);
      }
    } else if (event instanceof HistoricProcessInstanceEventEntity instance) {
      processEvent(caseId, instance);
    } else if (event instanceof HistoricActivityInstanceEventEntity activity
        && HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(activity.getEventType())) {
      if (ALLOCATE_BY_HAND.equals(activity.getActivityId())) {
        facts.set(caseId, Column.ALLOCATED_BY_HAND, true);
      } else if (RECORD_REVIEW.equals(activity.getActivityId())
          && activity.getActivityInstanceState() != ActivityInstanceState.CANCELED.getStateCode()) {
        facts.countReview(caseId);
      }
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  private void processEvent(String caseId, HistoricProcessInstanceEventEntity instance) {
    boolean referral = REFERRAL.equals(instance.getProcessDefinitionKey()) && caseId.equals(instance.getProcessInstanceId());
    if (referral && HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(instance.getEventType())) {
      facts.open(caseId, instant(instance.getStartTime()));
    } else if (referral && HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(instance.getEventType())) {
      facts.close(caseId, instant(instance.getEndTime()),
          HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(instance.getState()) || instance.getDeleteReason() != null);
    }
  }

  private void variableSet(String caseId, HistoricVariableUpdateEventEntity variable) {
    String name = variable.getVariableName();
    String text = variable.getTextValue();
    switch (name) {
      case CaseVariables.CASE_REFERENCE -> facts.set(caseId, Column.CASE_REFERENCE, text);
      case CaseVariables.SERVICE -> facts.set(caseId, Column.SERVICE, text);
      case CaseVariables.AREA -> facts.set(caseId, Column.AREA, text);
      case CaseVariables.CASE_STOPPED -> facts.set(caseId, Column.STOPPED, flag(variable));
      case ReferralVariables.ELIGIBLE -> facts.set(caseId, Column.ELIGIBLE, flag(variable));
      case ReferralVariables.ELIGIBILITY_REASON -> facts.set(caseId, Column.INELIGIBILITY_REASON, shorten(text));
      case ReferralVariables.INELIGIBLE_DECISION -> facts.set(caseId, Column.INELIGIBLE_DECISION, text);
      case CircleVariables.RESOLVED -> facts.set(caseId, Column.CIRCLE_RESOLVED, flag(variable));
      case CaseVariables.ADVISOR_ID -> {
        if (text != null) {
          facts.allocate(caseId, text, ClockUtil.getCurrentTime().toInstant(), this::workingDaysBetween);
        }
      }
      // The first meeting with the people involved: a circle's initial meeting, a conference's first preparation meeting.
      case CircleVariables.INITIAL_MEETING_AT, ConferenceVariables.PREPARATION_MEETING_ON -> meeting(text)
          .ifPresent(at -> facts.firstMeeting(caseId, at, this::workingDaysBetween));
      case ConferenceVariables.CONFERENCE_SUITABLE -> {
        if (ConferenceVariables.NOT_SUITABLE.equals(text)) {
          facts.set(caseId, Column.CONFERENCE_STATUS, "not-suitable");
        }
      }
      case ConferenceVariables.NOT_HELD_REASON -> facts.set(caseId, Column.CONFERENCE_STATUS,
          ConferenceVariables.WITHDRAWN_REASON.equals(text) ? "withdrawn"
              : ConferenceVariables.NOT_SUITABLE_REASON.equals(text) ? "not-suitable" : "not-consented");
      case ConferenceVariables.AGREEMENT_KEPT -> {
        if (text != null) {
          facts.set(caseId, Column.CONFERENCE_STATUS, "agreement-" + text);
        }
      }
      default -> {
        // not a figure
      }
    }
  }

  private int workingDaysBetween(Instant from, Instant to) {
    LocalDate start = from.atZone(CaseClock.ZONE).toLocalDate();
    LocalDate end = to.atZone(CaseClock.ZONE).toLocalDate();
    return workingDays.between(start, end);
  }

  private static boolean isSet(HistoricVariableUpdateEventEntity variable) {
    String type = variable.getEventType();
    return HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName().equals(type)
        || HistoryEventTypes.VARIABLE_INSTANCE_UPDATE.getEventName().equals(type);
  }

  private static boolean flag(HistoricVariableUpdateEventEntity variable) {
    return variable.getLongValue() != null && variable.getLongValue() == 1L;
  }

  /** A meeting's time as the forms submit it: a date and time with offset, or a day. */
  private static Optional<Instant> meeting(String at) {
    if (at == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(at.length() <= 10 ? LocalDate.parse(at).atStartOfDay(CaseClock.ZONE).toInstant()
          : OffsetDateTime.parse(at).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String shorten(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 200);
  }

  private static Instant instant(Date date) {
    return date == null ? ClockUtil.getCurrentTime().toInstant() : date.toInstant();
  }
}
