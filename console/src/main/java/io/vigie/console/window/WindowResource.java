package io.vigie.console.window;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vigie.console.ConsoleConfig;
import io.vigie.console.PageNotFoundException;
import io.vigie.console.ServiceCalls;
import io.vigie.console.Viewer;
import io.vigie.console.Viewers;
import io.vigie.console.VigieService;
import io.vigie.console.api.AvailabilityReport;
import io.vigie.console.api.ClientView;
import io.vigie.console.api.FeedView;
import io.vigie.console.api.Listing;
import io.vigie.console.graph.MonthBars;
import io.vigie.console.graph.UsageGraphs;
import io.vigie.console.web.Labels;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A client's window. A client sees their own; a staff member first picks the client to look at (the
 * services let staff read every client's data, the console only narrows what it asks for).
 */
@Path("/window")
public class WindowResource {

  private static final Pattern TENANT = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final TypeReference<Listing<ClientView>> CLIENTS = new TypeReference<>() {};

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance window(
        Viewer viewer,
        ClientWindow window,
        List<UsageGraphs.MachineCharts> usage,
        MonthCharts months);

    static native TemplateInstance clients(Viewer viewer, List<ClientView> clients);

    static native TemplateInstance feed(Viewer viewer, String tenant, String url);
  }

  private final Viewers viewers;
  private final WindowService windows;
  private final ServiceCalls calls;
  private final ConsoleConfig config;

  public WindowResource(
      Viewers viewers, WindowService windows, ServiceCalls calls, ConsoleConfig config) {
    this.viewers = viewers;
    this.windows = windows;
    this.calls = calls;
    this.config = config;
  }

  /**
   * A new address for the client's iCalendar feed of interventions. ticket-service keeps only a
   * hash of it, so it is shown once, here; the previous address stops working.
   */
  @POST
  @Path("/calendar-feed")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance newFeedAddress(
      @FormParam("tenant") String tenant, @FormParam("csrf") String csrf) {
    Viewer viewer = viewers.posting(csrf);
    String client = viewer.isStaff() ? tenant : viewer.tenant();
    if (client == null || !TENANT.matcher(client).matches()) {
      throw new PageNotFoundException("no client " + client);
    }
    FeedView feed =
        calls.send(
            VigieService.TICKET,
            "POST",
            "/api/v1/calendar-feeds/" + client + "/rotation",
            Map.of(),
            Map.of(),
            viewer.accessToken(),
            FeedView.class);
    String base = config.ticketUrl().toString().replaceAll("/+$", "");
    return Templates.feed(viewer, client, base + feed.url()).setLocale(viewer.locale());
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance window(@QueryParam("tenant") String tenant) {
    Viewer viewer = viewers.current();
    if (!viewer.isStaff()) {
      if (viewer.tenant() == null) {
        throw new PageNotFoundException("no client for " + viewer.username());
      }
      return page(viewer, windows.load(viewer.accessToken(), viewer.tenant(), false));
    }
    if (tenant == null || tenant.isBlank()) {
      Listing<ClientView> clients =
          calls.get(
              VigieService.INVENTORY, "/api/v1/clients?size=200", viewer.accessToken(), CLIENTS);
      return Templates.clients(viewer, clients.items() == null ? List.of() : clients.items())
          .setLocale(viewer.locale());
    }
    if (!TENANT.matcher(tenant).matches()) {
      throw new PageNotFoundException("no client " + tenant);
    }
    return page(viewer, windows.load(viewer.accessToken(), tenant, true));
  }

  private TemplateInstance page(Viewer viewer, ClientWindow window) {
    Labels labels = UsageGraphs.labels(viewer.language());
    return Templates.window(
            viewer,
            window,
            usageCharts(window, viewer),
            new MonthCharts(
                availabilityChart(window, viewer, labels), gtiChart(window, viewer, labels)))
        .setLocale(viewer.locale());
  }

  /** The graphs per month, each null when no month has a figure. */
  public record MonthCharts(String availability, String gti) {
    public boolean isEmpty() {
      return availability == null && gti == null;
    }
  }

  /** Availability per month against the contract's target; null when no month has a figure. */
  static String availabilityChart(ClientWindow window, Viewer viewer, Labels labels) {
    List<MonthBars.Bar> bars =
        window.months().stream()
            .map(m -> new MonthBars.Bar(m.month(), m.availabilityPercent(), null))
            .toList();
    if (bars.stream().allMatch(b -> b.percent() == null)) {
      return null;
    }
    Double target =
        window.months().stream()
            .map(MonthFigures::availability)
            .filter(a -> a != null && a.target() != null)
            .map(AvailabilityReport::target)
            .reduce((first, later) -> later)
            .orElse(null);
    return MonthBars.svg(
        "months-availability",
        bars,
        target,
        viewer.locale(),
        new MonthBars.Labels(
            labels.months_availability(), labels.months_target(), labels.months_none()));
  }

  /** The share of GTI met per month; null when no month had one due. */
  static String gtiChart(ClientWindow window, Viewer viewer, Labels labels) {
    List<MonthBars.Bar> bars =
        window.months().stream()
            .map(
                m ->
                    new MonthBars.Bar(
                        m.month(),
                        m.gtiMetPercent(),
                        m.gtiDue() == 0 ? null : m.gtiMet() + "/" + m.gtiDue()))
            .toList();
    if (bars.stream().allMatch(b -> b.percent() == null)) {
      return null;
    }
    return MonthBars.svg(
        "months-gti",
        bars,
        null,
        viewer.locale(),
        new MonthBars.Labels(labels.months_gti(), labels.months_target(), labels.months_none()));
  }

  /**
   * The measured machines' CPU, RAM and disk over the last week, guests first, in the viewer's
   * zone.
   */
  private List<UsageGraphs.MachineCharts> usageCharts(ClientWindow window, Viewer viewer) {
    UsageGraphs.Words words = UsageGraphs.Words.of(UsageGraphs.labels(viewer.language()));
    ZoneId zone = viewers.zone();
    List<UsageGraphs.MachineCharts> charts = new ArrayList<>();
    window
        .guestUsage()
        .forEach(g -> charts.add(UsageGraphs.guest(g, zone, viewer.locale(), words)));
    window
        .serverUsage()
        .forEach(s -> charts.add(UsageGraphs.server(s, zone, viewer.locale(), words)));
    return charts.stream().filter(UsageGraphs.MachineCharts::measured).toList();
  }
}
