package io.vigie.console.window;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vigie.console.PageNotFoundException;
import io.vigie.console.ServiceCalls;
import io.vigie.console.Viewer;
import io.vigie.console.Viewers;
import io.vigie.console.VigieService;
import io.vigie.console.api.ClientView;
import io.vigie.console.api.Listing;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
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
  }

  private final Viewers viewers;
  private final WindowService windows;
  private final ServiceCalls calls;

  public WindowResource(Viewers viewers, WindowService windows, ServiceCalls calls) {
    this.viewers = viewers;
    this.windows = windows;
    this.calls = calls;
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
