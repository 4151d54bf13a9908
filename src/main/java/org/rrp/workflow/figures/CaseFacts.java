package org.rrp.workflow.figures;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table {@code rrp_case_fact}: a row per case, the facts the figures count. Written in the engine's transaction
 * by {@link CaseFactRecorder}; read by {@link Figures}.
 */
@Repository
class CaseFacts {

  /** The columns the recorder sets one at a time (a fixed list: column names never come from outside). */
  enum Column {
    CASE_REFERENCE, SERVICE, AREA, STOPPED, ELIGIBLE, INELIGIBILITY_REASON, INELIGIBLE_DECISION, CIRCLE_RESOLVED,
    ALLOCATED_BY_HAND, CONFERENCE_STATUS;

    String sql() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final JdbcTemplate jdbc;

  CaseFacts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A case's row made (when {@code receivedAt} is given) or changed, with the columns given, in one statement.
   */
  void write(String caseId, Instant receivedAt, Map<Column, Object> columns) {
    List<Object> values = new ArrayList<>(columns.values());
    if (receivedAt != null) {
      StringBuilder names = new StringBuilder("process_instance_id, received_at");
      columns.keySet().forEach(column -> names.append(", ").append(column.sql()));
      values.add(0, Timestamp.from(receivedAt));
      values.add(0, caseId);
      jdbc.update("insert into rrp_case_fact (" + names + ") values (" + "?, ".repeat(values.size() - 1) + "?)",
          values.toArray());
    } else if (!columns.isEmpty()) {
      values.add(caseId);
      jdbc.update("update rrp_case_fact set " + columns.keySet().stream().map(column -> column.sql() + " = ?")
          .collect(Collectors.joining(", ")) + " where process_instance_id = ?", values.toArray());
    }
  }

  /**
   * The case was allocated to an advisor: dated now, unless it is already theirs (the advisor copied into the process
   * of their service, or set again, changes nothing: the allocation stays dated when they were chosen).
   */
  void allocate(String caseId, String advisorId, Instant at, BiFunction<Instant, Instant, Integer> workingDays) {
    jdbc.query("select received_at from rrp_case_fact where process_instance_id = ? and advisor_id is distinct from ?", rs -> {
      Instant received = rs.getTimestamp(1).toInstant();
      jdbc.update("update rrp_case_fact set advisor_id = ?, allocated_at = ?, days_to_allocation = ? "
          + "where process_instance_id = ?", advisorId, Timestamp.from(at), workingDays.apply(received, at), caseId);
    }, caseId, advisorId);
  }

  /** The earliest meeting: a later one arranged for the same case does not move it, an earlier one does. */
  void firstMeeting(String caseId, Instant at, BiFunction<Instant, Instant, Integer> workingDays) {
    jdbc.query("select allocated_at from rrp_case_fact where process_instance_id = ? "
        + "and (first_meeting_at is null or first_meeting_at > ?)", rs -> {
      Timestamp allocated = rs.getTimestamp(1);
      jdbc.update("update rrp_case_fact set first_meeting_at = ?, days_to_first_meeting = ? where process_instance_id = ?",
          Timestamp.from(at), allocated == null ? null : workingDays.apply(allocated.toInstant(), at), caseId);
    }, caseId, Timestamp.from(at));
  }

  void countReview(String caseId) {
    jdbc.update("update rrp_case_fact set reviews_held = reviews_held + 1 where process_instance_id = ?", caseId);
  }

  /** The case ended: its outcome follows from the facts recorded (or it was cancelled, e.g. in Cockpit). */
  void close(String caseId, Instant at, boolean cancelled) {
    jdbc.update("""
        update rrp_case_fact set closed_at = ?, outcome = case
            when ? then 'cancelled'
            when ineligible_decision = 'decline' then 'declined'
            when stopped then 'stopped'
            when service = 'advice-and-guidance' then 'advice'
            when service = 'solution-focused-circle' and circle_resolved and reviews_held = 1 then 'circle-resolved-first-review'
            when service = 'solution-focused-circle' and circle_resolved then 'circle-resolved-second-review'
            when service = 'solution-focused-circle' then 'circle-unresolved'
            when service = 'restorative-conference' and conference_status is not null then 'conference-' || conference_status
            else service end
         where process_instance_id = ?""", Timestamp.from(at), cancelled, caseId);
  }

  int deleteClosedBefore(Instant before) {
    return jdbc.update("delete from rrp_case_fact where closed_at < ?", Timestamp.from(before));
  }
}
