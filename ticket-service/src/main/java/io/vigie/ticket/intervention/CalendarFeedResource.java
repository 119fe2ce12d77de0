package io.vigie.ticket.intervention;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.ticket.intervention.CalendarFeedService.FeedView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's iCalendar feed of interventions: who rotated it, and a new address. */
@Path("/api/v1/calendar-feeds/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interventions")
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class CalendarFeedResource {

  private final CalendarFeedService feeds;
  private final CurrentCaller caller;

  public CalendarFeedResource(CalendarFeedService feeds, CurrentCaller caller) {
    this.feeds = feeds;
    this.caller = caller;
  }

  @GET
  @Operation(
      operationId = "getCalendarFeed",
      summary =
          "When the client's interventions feed was last rotated and by whom (the address itself is"
              + " shown only by a rotation)")
  public Uni<FeedView> get(@PathParam("tenant") @Size(max = 100) String tenant) {
    return feeds.find(tenant, caller.get());
  }

  @POST
  @Path("/rotation")
  @Operation(
      operationId = "rotateCalendarFeed",
      summary =
          "A new unguessable address for the client's iCalendar feed (the client itself or staff);"
              + " the previous address answers 404 from now on")
  public Uni<FeedView> rotate(@PathParam("tenant") @Size(max = 100) String tenant) {
    return feeds.rotate(tenant, caller.get());
  }
}
