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
import io.vigie.console.api.ClientView;
import io.vigie.console.api.FeedView;
import io.vigie.console.api.Listing;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
    static native TemplateInstance window(Viewer viewer, ClientWindow window);

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
      return Templates.window(viewer, windows.load(viewer.accessToken(), viewer.tenant(), false))
          .setLocale(viewer.locale());
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
    return Templates.window(viewer, windows.load(viewer.accessToken(), tenant, true))
        .setLocale(viewer.locale());
  }
}
