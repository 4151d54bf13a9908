package org.rrp.workflow.figures;

import java.time.Duration;
import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.WorkingDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The managers' figures: the case facts are recorded from the engine's history events (next to its own history,
 * which stays on), and removed once a case has been closed longer than its history is kept.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FiguresConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(FiguresConfiguration.class);

  @Bean
  ProcessEnginePlugin caseFactsPlugin(CaseFacts facts, WorkingDays workingDays) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryEventHandlers() == null) {
          configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        CaseFactRecorder recorder = new CaseFactRecorder(facts, workingDays);
        configuration.getCustomHistoryEventHandlers().add(recorder);
        if (configuration.getCustomSessionFactories() == null) {
          configuration.setCustomSessionFactories(new ArrayList<>());
        }
        configuration.getCustomSessionFactories().add(recorder);
      }
    };
  }

  @Bean
  CaseFactCleanup caseFactCleanup(CaseFacts facts, @Value("${rrp.figures.keep-days:730}") int keepDays) {
    return new CaseFactCleanup(facts, Duration.ofDays(keepDays));
  }

  /** Nightly, in the history-cleanup window: the facts of cases closed longer ago than their history is kept. */
  static class CaseFactCleanup {
    private final CaseFacts facts;
    private final Duration keep;

    CaseFactCleanup(CaseFacts facts, Duration keep) {
      this.facts = facts;
      this.keep = keep;
    }

    @Scheduled(cron = "${rrp.figures.cleanup-cycle:0 30 1 * * *}", zone = "Europe/London")
    void removeExpired() {
      int removed = facts.deleteClosedBefore(CaseClock.instant().minus(keep));
      if (removed > 0) {
        LOG.info("Removed the figures of {} cases closed more than {} days ago", removed, keep.toDays());
      }
    }
  }
}
