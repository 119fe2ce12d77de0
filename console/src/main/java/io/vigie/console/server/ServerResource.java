package io.vigie.console.server;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vigie.console.Viewer;
import io.vigie.console.Viewers;
import io.vigie.console.graph.UsageChart;
import io.vigie.console.graph.UsageGraphs;
import io.vigie.console.web.Labels;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * A server's page: what every service knows of it, side by side ({@link ServerService}). The server
 * itself comes from inventory-service with the viewer's token, so another client's server is not
 * found.
 */
@Path("/servers")
public class ServerResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance server(
        Viewer viewer, ServerPage page, String trafficChart, UsageGraphs.MachineCharts usage);
  }

  private final Viewers viewers;
  private final ServerService servers;

  public ServerResource(Viewers viewers, ServerService servers) {
    this.viewers = viewers;
    this.servers = servers;
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance server(@PathParam("id") UUID id) {
    Viewer viewer = viewers.current();
    ServerPage page = servers.load(viewer.accessToken(), id);
    return Templates.server(viewer, page, trafficChart(page, viewer), usageCharts(page, viewer))
        .setLocale(viewer.locale());
  }

  /** CPU, RAM and disk over the last week; null when monitoring shows them to nobody here. */
  private UsageGraphs.MachineCharts usageCharts(ServerPage page, Viewer viewer) {
    if (page.usage() == null) {
      return null;
    }
    return UsageGraphs.server(
        page.usage(),
        viewers.zone(),
        viewer.locale(),
        UsageGraphs.Words.of(UsageGraphs.labels(viewer.language())));
  }

  /** The traffic graph as SVG, drawn in the viewer's time zone; null when there is none to show. */
  private String trafficChart(ServerPage page, Viewer viewer) {
    if (page.traffic() == null) {
      return null;
    }
    Labels labels = UsageGraphs.labels(viewer.language());
    return UsageChart.svg(
        "traffic",
        page.traffic().interfaces(),
        page.trafficFrom(),
        page.trafficTo(),
        viewers.zone(),
        viewer.locale(),
        new UsageChart.Labels(
            labels.traffic_title(),
            labels.traffic_inbound(),
            labels.traffic_outbound(),
            labels.traffic_none()));
  }
}
