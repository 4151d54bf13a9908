package org.rrp.workflow.casework;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The case-work calendar: which nation's bank holidays are not working days. */
@Configuration(proxyBeanMethods = false)
class CaseworkConfiguration {

  @Bean
  WorkingDays workingDays(@Value("${rrp.calendar.country:gb}") String country,
      @Value("${rrp.calendar.region:eng}") String region) {
    return new WorkingDays(country, region);
  }
}
