package org.rrp.workflow.figures;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/** The plugin's REST root, {@code /camunda/api/cockpit/plugin/rrp-figures/}: the figures of one engine. */
@Path("plugin/" + FiguresCockpitPlugin.ID)
public class FiguresRootResource extends AbstractCockpitPluginRootResource {

  public FiguresRootResource() {
    super(FiguresCockpitPlugin.ID);
  }

  @Path("{engineName}/figures")
  public FiguresResource figures(@PathParam("engineName") String engineName) {
    FiguresResource resource = new FiguresResource(engineName,
        WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext).getBean(Figures.class));
    return subResource(resource, engineName);
  }
}
