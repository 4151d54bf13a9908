package org.rrp.workflow.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
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
 *
 * <p>The facts a command sets are written together when it ends, one statement a case ({@link PendingFacts}, a
 * session of the command): a form or a called process sets several at once, and the called process copies some the
 * case already has. The facts read back while recording (the allocation's and first meeting's dates, the outcome at
 * closure) first write what is pending for the case.
 */
class CaseFactRecorder implements HistoryEventHandler, SessionFactory {

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
  public Class<?> getSessionType() {
    return PendingFacts.class;
  }

  @Override
  public Session openSession() {
    return new PendingFacts(facts);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      handle(event, command.getSession(PendingFacts.class));
    } else {
      PendingFacts now = new PendingFacts(facts);
      handle(event, now);
      now.flush();
    }
  }

  private void handle(HistoryEvent event, PendingFacts pending) {
    String caseId = event.getRootProcessInstanceId() != null ? event.getRootProcessInstanceId() : event.getProcessInstanceId();
    if (caseId == null) {
      return;
    }
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      if (isSet(variable)) {
        variableSet(caseId, variable, pending);
      }
    } else if (event instanceof HistoricProcessInstanceEventEntity instance) {
      processEvent(caseId, instance, pending);
    } else if (event instanceof HistoricActivityInstanceEventEntity activity
        && HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(activity.getEventType())) {
      if (ALLOCATE_BY_HAND.equals(activity.getActivityId())) {
        pending.set(caseId, Column.ALLOCATED_BY_HAND, true);
      } else if (RECORD_REVIEW.equals(activity.getActivityId())
          && activity.getActivityInstanceState() != ActivityInstanceState.CANCELED.getStateCode()) {
        pending.flush(caseId);
        facts.countReview(caseId);
      }
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  private void processEvent(String caseId, HistoricProcessInstanceEventEntity instance, PendingFacts pending) {
    boolean referral = REFERRAL.equals(instance.getProcessDefinitionKey()) && caseId.equals(instance.getProcessInstanceId());
    if (referral && HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(instance.getEventType())) {
      pending.open(caseId, instant(instance.getStartTime()));
    } else if (referral && HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(instance.getEventType())) {
      pending.flush(caseId);
      facts.close(caseId, instant(instance.getEndTime()),
          HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(instance.getState()) || instance.getDeleteReason() != null);
    }
  }

  private void variableSet(String caseId, HistoricVariableUpdateEventEntity variable, PendingFacts pending) {
    String name = variable.getVariableName();
    String text = variable.getTextValue();
    switch (name) {
      case CaseVariables.CASE_REFERENCE -> pending.set(caseId, Column.CASE_REFERENCE, text);
      case CaseVariables.SERVICE -> pending.set(caseId, Column.SERVICE, text);
      case CaseVariables.AREA -> pending.set(caseId, Column.AREA, text);
      case CaseVariables.CASE_STOPPED -> pending.set(caseId, Column.STOPPED, flag(variable));
      case ReferralVariables.ELIGIBLE -> pending.set(caseId, Column.ELIGIBLE, flag(variable));
      case ReferralVariables.ELIGIBILITY_REASON -> pending.set(caseId, Column.INELIGIBILITY_REASON, shorten(text));
      case ReferralVariables.INELIGIBLE_DECISION -> pending.set(caseId, Column.INELIGIBLE_DECISION, text);
      case CircleVariables.RESOLVED -> pending.set(caseId, Column.CIRCLE_RESOLVED, flag(variable));
      case CaseVariables.ADVISOR_ID -> {
        if (text != null) {
          pending.flush(caseId);
          facts.allocate(caseId, text, ClockUtil.getCurrentTime().toInstant(), this::workingDaysBetween);
        }
      }
      // The first meeting with the people involved: a circle's initial meeting, a conference's first preparation meeting.
      case CircleVariables.INITIAL_MEETING_AT, ConferenceVariables.PREPARATION_MEETING_ON -> meeting(text)
          .ifPresent(at -> {
            pending.flush(caseId);
            facts.firstMeeting(caseId, at, this::workingDaysBetween);
          });
      case ConferenceVariables.CONFERENCE_SUITABLE -> {
        if (ConferenceVariables.NOT_SUITABLE.equals(text)) {
          pending.set(caseId, Column.CONFERENCE_STATUS, "not-suitable");
        }
      }
      case ConferenceVariables.NOT_HELD_REASON -> pending.set(caseId, Column.CONFERENCE_STATUS,
          ConferenceVariables.WITHDRAWN_REASON.equals(text) ? "withdrawn"
              : ConferenceVariables.NOT_SUITABLE_REASON.equals(text) ? "not-suitable" : "not-consented");
      case ConferenceVariables.AGREEMENT_KEPT -> {
        if (text != null) {
          pending.set(caseId, Column.CONFERENCE_STATUS, "agreement-" + text);
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

  /**
   * The facts a command has set and not yet written, by case, in the order the cases came; written when the command
   * ends (the engine flushes its sessions before it commits) or when a fact of the case is read back.
   */
  static final class PendingFacts implements Session {
    private final CaseFacts facts;
    private final Map<String, Row> rows = new LinkedHashMap<>();

    PendingFacts(CaseFacts facts) {
      this.facts = facts;
    }

    void open(String caseId, Instant receivedAt) {
      rows.computeIfAbsent(caseId, id -> new Row()).receivedAt = receivedAt;
    }

    void set(String caseId, Column column, Object value) {
      rows.computeIfAbsent(caseId, id -> new Row()).columns.put(column, value);
    }

    void flush(String caseId) {
      Row row = rows.remove(caseId);
      if (row != null) {
        facts.write(caseId, row.receivedAt, row.columns);
      }
    }

    @Override
    public void flush() {
      List.copyOf(rows.keySet()).forEach(this::flush);
    }

    @Override
    public void close() {
      rows.clear();
    }

    /** A case's row to make (when received) or to change, and the columns to set. */
    private static final class Row {
      private Instant receivedAt;
      private final Map<Column, Object> columns = new EnumMap<>(Column.class);
    }
  }
}
