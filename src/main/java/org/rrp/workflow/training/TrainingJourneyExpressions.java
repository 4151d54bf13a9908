package org.rrp.workflow.training;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rrp.workflow.casework.CaseClock;
import org.springframework.stereotype.Component;

/**
 * What the {@code training-journey} model asks in expressions: {@code ${trainingJourney.remainingStages(execution)}}
 * is the stages subprocess's collection (so a journey resumed after a pause goes on from the stage it paused in),
 * {@code ${trainingJourney.day(resumeBy)}} a day's 09:00 as a due date.
 */
@Component("trainingJourney")
public class TrainingJourneyExpressions {

  public List<String> remainingStages(DelegateExecution execution) {
    return Journey.of(execution).remainingStageIds();
  }

  public Date day(String isoDate) {
    return Date.from(LocalDate.parse(isoDate).atTime(TrainingTimescales.REMINDER_TIME).atZone(CaseClock.ZONE).toInstant());
  }
}
