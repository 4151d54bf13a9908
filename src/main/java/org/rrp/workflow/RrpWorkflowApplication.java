package org.rrp.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The case-work system of a Virtual School's Relational &amp; Restorative Practice team: an embedded Camunda 7
 * engine with Tasklist, Cockpit and Admin, running the team's processes from {@code processes/} and forms from
 * {@code forms/}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RrpWorkflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(RrpWorkflowApplication.class, args);
  }
}
