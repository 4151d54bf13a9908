package org.rrp.workflow.training;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;

import org.rrp.workflow.identity.RrpGroups;
import org.springframework.stereotype.Service;

/**
 * The questions the team asks, answered from the progress tables: which stage every setting is at, who is past
 * its timescale, how many settings completed each stage this academic year (from 1 September). Need-to-know:
 * coordinators and managers see every setting, an advisor the settings of their areas, a setting lead their own.
 */
@Service
class TrainingProgress {

  record SettingProgress(String settingId, String settingName, String area, String stageId, String stageName,
      LocalDate stageDueOn, boolean overdue, LocalDate pausedSince, LocalDate endedOn, String endReason) {
  }

  record Report(LocalDate today, LocalDate yearFrom, List<SettingProgress> settings, List<SettingProgress> overdue,
      List<JourneyRepository.CompletedCount> completedThisYear) {
  }

  private final JourneyRepository journeys;

  TrainingProgress(JourneyRepository journeys) {
    this.journeys = journeys;
  }

  Report report(List<String> readerGroups, LocalDate today) {
    boolean everything = readerGroups.contains(RrpGroups.COORDINATORS) || readerGroups.contains(RrpGroups.MANAGERS);
    List<SettingProgress> settings = journeys.journeys().stream()
        .filter(row -> everything || readerGroups.contains(row.area())
            || readerGroups.contains(JourneyService.settingGroup(row.settingId())))
        .map(row -> new SettingProgress(row.settingId(), row.settingName(), row.area(), row.stageId(), row.stageName(),
            row.stageDueOn(), row.endedOn() == null && row.pausedSince() == null && row.stageDueOn() != null
                && row.stageDueOn().isBefore(today), row.pausedSince(), row.endedOn(), row.endReason()))
        .toList();
    LocalDate yearFrom = academicYearStart(today);
    List<JourneyRepository.CompletedCount> completed = everything ? journeys.completedSince(yearFrom)
        : journeys.completedSince(yearFrom, settings.stream().map(SettingProgress::settingId).toList());
    return new Report(today, yearFrom, settings, settings.stream().filter(SettingProgress::overdue).toList(), completed);
  }

  static LocalDate academicYearStart(LocalDate today) {
    LocalDate september = LocalDate.of(today.getYear(), Month.SEPTEMBER, 1);
    return today.isBefore(september) ? september.minusYears(1) : september;
  }
}
