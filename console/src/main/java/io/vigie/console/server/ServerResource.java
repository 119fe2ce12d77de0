package io.vigie.console.server;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vigie.console.Fetches;
import io.vigie.console.ServiceCalls;
import io.vigie.console.Viewer;
import io.vigie.console.Viewers;
import io.vigie.console.VigieService;
import io.vigie.console.api.AlertView;
import io.vigie.console.api.HostedServiceView;
import io.vigie.console.api.Listing;
import io.vigie.console.api.ServerView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * A server's page: what it is, what runs on it, its open alerts. The server itself comes from
 * inventory-service with the viewer's token, so another client's server is not found.
 */
@Path("/servers")
public class ServerResource {

  private static final TypeReference<Listing<HostedServiceView>> HOSTED = new TypeReference<>() {};
  private static final TypeReference<Listing<AlertView>> ALERTS = new TypeReference<>() {};

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance server(
        Viewer viewer,
        ServerView server,
        List<HostedServiceView> hostedServices,
        List<AlertView> alerts,
        boolean monitoringDown);
  }

  private final Viewers viewers;
  private final ServiceCalls calls;

  public ServerResource(Viewers viewers, ServiceCalls calls) {
    this.viewers = viewers;
    this.calls = calls;
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance server(@PathParam("id") UUID id) {
    Viewer viewer = viewers.current();
    String token = viewer.accessToken();
    ServerView server =
        calls.get(VigieService.INVENTORY, "/api/v1/servers/" + id, token, ServerView.class);
    try (Fetches fetches = new Fetches()) {
      Future<Listing<HostedServiceView>> hosted =
          fetches.start(
              VigieService.INVENTORY,
              () ->
                  calls.get(
                      VigieService.INVENTORY,
                      "/api/v1/hosted-services?serverId=" + id,
                      token,
                      HOSTED),
              new Listing<>(List.of(), null, 0L));
      Future<Listing<AlertView>> alerts =
          fetches.start(
              VigieService.MONITORING,
              () ->
                  calls.get(
                      VigieService.MONITORING,
                      "/api/v1/alerts?state=open&serverId=" + id,
                      token,
                      ALERTS),
              new Listing<>(List.of(), null, 0L));
      return Templates.server(
              viewer,
              server,
              orEmpty(Fetches.await(hosted)),
              orEmpty(Fetches.await(alerts)),
              fetches.down().contains(VigieService.MONITORING))
          .setLocale(viewer.locale());
    }
  }

  private static <T> List<T> orEmpty(Listing<T> listing) {
    return listing.items() == null ? List.of() : listing.items();
  }
}
