package org.rrp.workflow.cases;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/** The plugin's REST root, {@code /camunda/api/tasklist/plugin/rrp-cases/}: the reader's cases on one engine. */
@Path("plugin/" + CasesTasklistPlugin.ID)
public class CasesRootResource extends AbstractTasklistPluginRootResource {

  public CasesRootResource() {
    super(CasesTasklistPlugin.ID);
  }

  @Path("{engineName}/cases")
  public CasesResource cases(@PathParam("engineName") String engineName) {
    CasesResource resource = new CasesResource(engineName,
        WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext).getBean(CaseList.class));
    return subResource(resource, engineName);
  }
}
