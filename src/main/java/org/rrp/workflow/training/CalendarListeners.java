package org.rrp.workflow.training;

import static org.rrp.workflow.training.TrainingVariables.*;

import java.time.OffsetDateTime;
import java.util.Set;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.FormInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code training-event} process: a coordinator adds an event to the training calendar from Tasklist. */
@Configuration(proxyBeanMethods = false)
class CalendarListeners {

  static final int MOST_PLACES = 500;

  @Bean
  ExecutionListener addTrainingEventCheck(StageCatalogue catalogue, TrainingCalendar calendar, JourneyService journeys) {
    return execution -> {
      FormInput input = new FormInput(execution);
      Set<String> stages = catalogue.stageIdsOffered(TrainingListeners.PHASES);
      String stage = input.requiredChoice(EVENT_STAGE, "The stage", stages);
      String title = TextLimits.required(input, EVENT_TITLE, "The event's title", TextLimits.NAME);
      OffsetDateTime startsAt = input.requiredDateTime(EVENT_STARTS_AT, "The date and time of the event");
      if (startsAt != null && !startsAt.toInstant().isAfter(CaseClock.instant())) {
        input.problem("The event must be in the future.");
      }
      String venue = TextLimits.required(input, EVENT_VENUE, "The venue", TextLimits.NAME);
      Integer places = input.requiredWholeNumber(EVENT_PLACES, "The number of places", 1, MOST_PLACES);
      input.rejectIfInvalid();
      long id = calendar.addEvent(stage, title, startsAt, venue, places);
      execution.setProcessBusinessKey("event-" + id);
      journeys.refreshBookingOptions(stage);
    };
  }
}
