package io.vigie.console.ticket;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vigie.console.ServiceCalls;
import io.vigie.console.Viewer;
import io.vigie.console.Viewers;
import io.vigie.console.VigieService;
import io.vigie.console.api.EntryView;
import io.vigie.console.api.Listing;
import io.vigie.console.api.TicketView;
import io.vigie.console.wall.GtiCountdown;
import io.vigie.console.web.Redirects;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A ticket with its timeline; comment it, open a request, acknowledge an incident. Each is the
 * ticket-service call made with the viewer's token: what the viewer may not see answers 404 there,
 * and so here.
 */
@Path("/tickets")
public class TicketResource {

  private static final TypeReference<Listing<EntryView>> TIMELINE = new TypeReference<>() {};

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance ticket(
        Viewer viewer, TicketView ticket, GtiCountdown gti, List<EntryView> timeline);
  }

  private final Viewers viewers;
  private final ServiceCalls calls;
  private final Clock clock;

  public TicketResource(Viewers viewers, ServiceCalls calls, Clock clock) {
    this.viewers = viewers;
    this.calls = calls;
    this.clock = clock;
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance ticket(@PathParam("id") UUID id) {
    Viewer viewer = viewers.current();
    String token = viewer.accessToken();
    TicketView ticket =
        calls.get(VigieService.TICKET, "/api/v1/tickets/" + id, token, TicketView.class);
    Listing<EntryView> timeline =
        calls.get(
            VigieService.TICKET, "/api/v1/tickets/" + id + "/timeline?size=100", token, TIMELINE);
    return Templates.ticket(
            viewer,
            ticket,
            GtiCountdown.of(ticket.interventionClock(), clock.instant()),
            timeline.items() == null ? List.of() : timeline.items())
        .setLocale(viewer.locale());
  }

  @POST
  @Path("/{id}/comments")
  public Response comment(
      @PathParam("id") UUID id, @FormParam("body") String body, @FormParam("csrf") String csrf) {
    Viewer viewer = viewers.posting(csrf);
    Map<String, Object> comment = new HashMap<>();
    comment.put("body", body == null ? "" : body.strip());
    comment.put("visibility", "PUBLIC");
    calls.send(
        VigieService.TICKET,
        "POST",
        "/api/v1/tickets/" + id + "/comments",
        comment,
        Map.of(),
        viewer.accessToken(),
        EntryView.class);
    return Redirects.seeOther("/tickets/" + id);
  }

  /** Takes an incident: its GTI clock stops when ticket-service records the acknowledgement. */
  @POST
  @Path("/{id}/acknowledge")
  public Response acknowledge(
      @PathParam("id") UUID id,
      @FormParam("version") long version,
      @FormParam("back") String back,
      @FormParam("csrf") String csrf) {
    Viewer viewer = viewers.posting(csrf);
    calls.send(
        VigieService.TICKET,
        "PATCH",
        "/api/v1/tickets/" + id,
        Map.of("status", "ACKNOWLEDGED"),
        Map.of("If-Match", "\"" + version + "\""),
        viewer.accessToken(),
        TicketView.class);
    return Redirects.seeOther(Redirects.local(back, "/tickets/" + id));
  }

  /** A client's request (a new environment, an access...): opened, then shown. */
  @POST
  @Path("/requests")
  public Response openRequest(
      @FormParam("category") String category,
      @FormParam("title") String title,
      @FormParam("description") String description,
      @FormParam("urgency") String urgency,
      @FormParam("tenant") String tenant,
      @FormParam("requestKey") String requestKey,
      @FormParam("csrf") String csrf) {
    Viewer viewer = viewers.posting(csrf);
    Map<String, Object> request = new HashMap<>();
    request.put("category", category);
    request.put("title", title == null ? "" : title.strip());
    request.put("description", description == null ? "" : description.strip());
    request.put("urgency", urgency == null || urgency.isBlank() ? "MEDIUM" : urgency);
    if (viewer.isStaff()) {
      request.put("tenant", tenant); // staff open a request on a client's behalf
    }
    Map<String, String> headers =
        requestKey == null || requestKey.isBlank()
            ? Map.of()
            : Map.of("Idempotency-Key", requestKey);
    TicketView opened =
        calls.send(
            VigieService.TICKET,
            "POST",
            "/api/v1/requests",
            request,
            headers,
            viewer.accessToken(),
            TicketView.class);
    return Redirects.seeOther("/tickets/" + opened.id());
  }
}
