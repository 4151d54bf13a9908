package org.rrp.workflow.cases;

import java.util.Set;

import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * Each role's cases in Tasklist: a "Cases" entry in Tasklist's header (script
 * {@code plugin-webapp/rrp-cases/app/plugin.js}) opening the reader's lists from {@link CasesRootResource} at
 * {@code /camunda/api/tasklist/plugin/rrp-cases/default/cases}. Registered through
 * {@code META-INF/services/org.camunda.bpm.tasklist.plugin.spi.TasklistPlugin}.
 */
public class CasesTasklistPlugin extends AbstractTasklistPlugin {

  public static final String ID = "rrp-cases";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(CasesRootResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
