package org.rrp.workflow.training;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rrp.workflow.casework.CaseClock;
import org.springframework.stereotype.Component;

/**
 * What the {@code training-journey} model asks in expressions: {@code ${trainingJourney.remainingStages(execution)}}
 * is the stages subprocess's collection (the stages not completed when the journey enters it, so a journey resumed
 * after a pause goes on from the stage it paused in),
 * {@code ${trainingJourney.day(resumeBy)}} a day's 09:00 as a due date, and
 * {@code ${trainingJourney.stageReminderAt(execution)}} the stage's overdue reminder.
 */
@Component("trainingJourney")
public class TrainingJourneyExpressions {

  private final TrainingTimescales timescales;

  TrainingJourneyExpressions(TrainingTimescales timescales) {
    this.timescales = timescales;
  }

  /**
   * When the leads are reminded that the stage being worked ran past its timescale: the stage's timer is set as the
   * stage opens, before its listeners run, so this works out the due day as opening the stage does.
   */
  public Date stageReminderAt(DelegateExecution execution) {
    return timescales.reminderAt(stageDueOn(Journey.of(execution), timescales));
  }

  /** The last day of the stage being worked: as recorded, or (as it opens) its timescale from today. */
  static LocalDate stageDueOn(Journey journey, TrainingTimescales timescales) {
    String recorded = journey.text(TrainingVariables.STAGE_DUE_ON);
    return recorded != null ? LocalDate.parse(recorded)
        : timescales.dueOn(CaseClock.today(), journey.stage().timescaleTerms());
  }

  /**
   * The stages the subprocess works, fixed when the journey enters it (the engine reads the collection again for
   * every stage, so it must not shrink as stages complete).
   */
  public List<String> remainingStages(DelegateExecution execution) {
    return Journey.of(execution).stagesToWork();
  }

  public Date day(String isoDate) {
    return Date.from(LocalDate.parse(isoDate).atTime(TrainingTimescales.REMINDER_TIME).atZone(CaseClock.ZONE).toInstant());
  }
}
