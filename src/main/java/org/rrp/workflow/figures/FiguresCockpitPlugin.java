package org.rrp.workflow.figures;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The managers' figures as a Cockpit plugin: a dashboard panel and its own page (script
 * {@code plugin-webapp/rrp-figures/app/plugin.js}), reading the figures from {@link FiguresRootResource} at
 * {@code /camunda/api/cockpit/plugin/rrp-figures/default/figures/...}. Registered through
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}.
 */
public class FiguresCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "rrp-figures";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(FiguresRootResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
