package org.rrp.workflow.cases;

import org.camunda.bpm.engine.ProcessEngine;
import org.rrp.workflow.casework.AreaCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CasesConfiguration {

  @Bean
  CaseList caseList(ProcessEngine engine, AreaCatalogue areas) {
    return new CaseList(engine, areas);
  }
}
