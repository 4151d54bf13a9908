package org.rrp.workflow.training;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Where every setting's journey is ({@code rrp_training_journey}) and the stages it started and completed
 * ({@code rrp_training_stage}): what the progress report reads, kept in the engine's transaction. A setting's
 * identifier is read without regard to case ({@code ABC-1} and {@code abc-1} are one setting, as its leads' group
 * is one), so each query compares it lower-cased: identifiers stored before keep the case they were typed in.
 */
@Repository
class JourneyRepository {

  record JourneyRow(String settingId, String settingName, String area, String stageId, String stageName,
      LocalDate stageDueOn, LocalDate pausedSince, LocalDate endedOn, String endReason) {
  }

  record CompletedCount(String stageId, String stageName, int settings) {
  }

  /** The condition on a setting's identifier, whatever its case. */
  private static final String SAME_SETTING = "lower(setting_id) = lower(?)";

  private final JdbcTemplate jdbc;

  JourneyRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  boolean hasRunningJourney(String settingId) {
    return jdbc.queryForObject("select count(*) from rrp_training_journey where " + SAME_SETTING + " and ended_on is null",
        Integer.class, settingId) > 0;
  }

  /** Records a new journey; a setting's earlier, ended journey is replaced. */
  void enrol(String settingId, String settingName, String area, String processInstanceId, LocalDate today) {
    jdbc.update("delete from rrp_training_journey where " + SAME_SETTING + " and ended_on is not null", settingId);
    jdbc.update("insert into rrp_training_journey (setting_id, setting_name, area, process_instance_id, enrolled_on) "
        + "values (?, ?, ?, ?, ?)", settingId, settingName, area, processInstanceId, Date.valueOf(today));
  }

  void stageStarted(String settingId, String stageId, String stageName, LocalDate today, LocalDate dueOn,
      boolean certificate) {
    jdbc.update("update rrp_training_journey set stage_id = ?, stage_name = ?, stage_started_on = ?, stage_due_on = ?, "
        + "paused_since = null where " + SAME_SETTING + " and ended_on is null", stageId, stageName, Date.valueOf(today),
        Date.valueOf(dueOn), settingId);
    if (jdbc.update("update rrp_training_stage set stage_name = ? where " + SAME_SETTING + " and stage_id = ?", stageName,
        settingId, stageId) == 0) {
      jdbc.update("insert into rrp_training_stage (setting_id, stage_id, stage_name, started_on, certificate) "
          + "values (?, ?, ?, ?, ?)", settingId, stageId, stageName, Date.valueOf(today), certificate);
    }
  }

  void stageCompleted(String settingId, String stageId, LocalDate today) {
    jdbc.update("update rrp_training_stage set completed_on = ? where " + SAME_SETTING + " and stage_id = ?",
        Date.valueOf(today), settingId, stageId);
  }

  void paused(String settingId, LocalDate today) {
    jdbc.update("update rrp_training_journey set paused_since = ? where " + SAME_SETTING + " and ended_on is null",
        Date.valueOf(today), settingId);
  }

  void ended(String settingId, LocalDate today, String reason) {
    jdbc.update("update rrp_training_journey set ended_on = ?, end_reason = ?, paused_since = null "
        + "where " + SAME_SETTING + " and ended_on is null", Date.valueOf(today), reason, settingId);
  }

  /** The stages this setting completed, in any journey. */
  List<String> completedStages(String settingId) {
    return jdbc.queryForList("select stage_id from rrp_training_stage where " + SAME_SETTING + " and completed_on is not null",
        String.class, settingId);
  }

  List<JourneyRow> journeys() {
    return jdbc.query("select setting_id, setting_name, area, stage_id, stage_name, stage_due_on, paused_since, "
        + "ended_on, end_reason from rrp_training_journey order by setting_name, setting_id",
        (rs, i) -> new JourneyRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            date(rs.getDate(6)), date(rs.getDate(7)), date(rs.getDate(8)), rs.getString(9)));
  }

  Optional<JourneyRow> journey(String settingId) {
    return journeys().stream().filter(row -> row.settingId().equalsIgnoreCase(settingId)).findFirst();
  }

  /** How many settings completed each stage from {@code from} (inclusive). */
  List<CompletedCount> completedSince(LocalDate from) {
    return jdbc.query("select stage_id, max(stage_name), count(*) from rrp_training_stage where completed_on >= ? "
        + "group by stage_id order by stage_id", (rs, i) -> new CompletedCount(rs.getString(1), rs.getString(2),
        rs.getInt(3)), Date.valueOf(from));
  }

  /** The same, for the settings of some areas only. */
  List<CompletedCount> completedSince(LocalDate from, List<String> settingIds) {
    return completedSince(from).isEmpty() || settingIds.isEmpty() ? List.of()
        : jdbc.query("select stage_id, max(stage_name), count(*) from rrp_training_stage where completed_on >= ? "
            + "and lower(setting_id) in (" + String.join(",", settingIds.stream().map(id -> "lower(?)").toList()) + ") "
            + "group by stage_id order by stage_id", (rs, i) -> new CompletedCount(rs.getString(1), rs.getString(2),
            rs.getInt(3)), concat(Date.valueOf(from), settingIds));
  }

  private static Object[] concat(Object first, List<String> rest) {
    Object[] all = new Object[rest.size() + 1];
    all[0] = first;
    for (int i = 0; i < rest.size(); i++) {
      all[i + 1] = rest.get(i);
    }
    return all;
  }

  private static LocalDate date(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
