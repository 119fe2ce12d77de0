package io.vigie.console.wall;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vigie.console.PageNotFoundException;
import io.vigie.console.Viewer;
import io.vigie.console.Viewers;
import io.vigie.console.graph.UsageGraphs;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Ingest and alert flow for staff, linked from the wall: samples received and alerts fired and
 * resolved per hour over the last 24 hours ({@link FlowService}). A page of its own like capacity,
 * not a panel of the live wall: it changes by the hour, and counting a day of alerts every few
 * seconds per open wall would cost monitoring for nothing.
 */
@Path("/wall/flow")
public class FlowResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance flow(Viewer viewer, FlowCharts flow);
  }

  private final Viewers viewers;
  private final FlowService flows;

  public FlowResource(Viewers viewers, FlowService flows) {
    this.viewers = viewers;
    this.flows = flows;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance flow() {
    Viewer viewer = viewers.current();
    if (!viewer.isStaff()) {
      throw new PageNotFoundException("the flow is the hoster's own: " + viewer.username());
    }
    FlowCharts charts =
        flows.load(
            viewer.accessToken(),
            viewers.zone(),
            viewer.locale(),
            UsageGraphs.labels(viewer.language()));
    return Templates.flow(viewer, charts).setLocale(viewer.locale());
  }
}
