package org.rrp.workflow.figures;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.rrp.workflow.casework.CaseClock;
import org.rrp.workflow.casework.CaseVariables;
import org.rrp.workflow.identity.RrpGroups;

/**
 * The figures for one question ({@code demand}, {@code caseload}, {@code timeliness}, {@code outcomes}) as JSON, as
 * CSV ({@code .csv}) and as a bar chart ({@code .svg}), for {@code ?period=this-term|this-school-year|range&from=
 * YYYY-MM-DD&to=YYYY-MM-DD&area=<area group>}. Managers and coordinators only: anyone else gets 403.
 */
public class FiguresResource extends AbstractCockpitPluginResource {

  static final List<String> READERS = List.of(RrpGroups.MANAGERS, RrpGroups.COORDINATORS, RrpGroups.ADMINS);

  private final Figures figures;

  FiguresResource(String engineName, Figures figures) {
    super(engineName);
    this.figures = figures;
  }

  /** The areas the figures can be narrowed to (the district table's), and the small-number threshold. */
  @GET
  @Path("areas")
  @Produces(MediaType.APPLICATION_JSON)
  public Response areas() {
    if (!mayRead(getCurrentAuthentication())) {
      return forbidden();
    }
    return Response.ok(Map.of("areas", figures.areaOptions(), "threshold", figures.threshold()))
        .header("Cache-Control", "no-store").build();
  }

  @GET
  @Path("{question}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response json(@PathParam("question") String question, @QueryParam("period") String period,
      @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam(CaseVariables.AREA) String area) {
    return answer(question, period, from, to, area, report -> Response.ok(report, MediaType.APPLICATION_JSON_TYPE));
  }

  @GET
  @Path("{question}.csv")
  @Produces("text/csv")
  public Response csv(@PathParam("question") String question, @QueryParam("period") String period,
      @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam(CaseVariables.AREA) String area) {
    return answer(question, period, from, to, area, report -> Response.ok(FigureFormats.csv(report).getBytes(StandardCharsets.UTF_8))
        .type("text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"rrp-" + question + "-" + report.from() + "-" + report.to() + ".csv\""));
  }

  @GET
  @Path("{question}.svg")
  @Produces("image/svg+xml")
  public Response svg(@PathParam("question") String question, @QueryParam("period") String period,
      @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam(CaseVariables.AREA) String area,
      @QueryParam("table") String table) {
    return answer(question, period, from, to, area, report -> Response.ok(FigureFormats.svg(report, FigureFormats.tableIndex(report, table)))
        .type("image/svg+xml; charset=UTF-8"));
  }

  private Response answer(String question, String period, String from, String to, String area,
      java.util.function.Function<Report, Response.ResponseBuilder> render) {
    if (!mayRead(getCurrentAuthentication())) {
      return forbidden();
    }
    try {
      FigurePeriod chosen = FigurePeriod.of(period, from, to, CaseClock.today());
      return render.apply(figures.report(question, chosen, area == null || area.isBlank() ? null : area))
          .header("Cache-Control", "no-store").build();
    } catch (IllegalArgumentException bad) {
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("message", bad.getMessage())).build();
    }
  }

  private static Response forbidden() {
    return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("message", "The team's figures are for managers and coordinators.")).build();
  }

  static boolean mayRead(Authentication authentication) {
    return authentication != null && authentication.getGroupIds() != null
        && authentication.getGroupIds().stream().anyMatch(READERS::contains);
  }
}
