package io.vigie.ticket.intervention;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The feed a calendar application subscribes to: no bearer token, the unguessable token in the path
 * is the credential.
 */
@Path("/ical")
@Tag(name = "Interventions")
@PermitAll
public class PublicCalendarResource {

  static final String CALENDAR = "text/calendar; charset=utf-8";

  private final CalendarFeedService feeds;

  public PublicCalendarResource(CalendarFeedService feeds) {
    this.feeds = feeds;
  }

  @GET
  @Path("/{token}.ics")
  @Produces(CALENDAR)
  @Operation(
      operationId = "readInterventionCalendar",
      summary =
          "A client's planned interventions as an RFC 5545 calendar; the address comes from a"
              + " rotation and answers 404 once rotated again")
  @APIResponse(
      responseCode = "200",
      description = "The calendar (VEVENT per intervention, STATUS:CANCELLED once cancelled)",
      content = @Content(mediaType = CALENDAR, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "404",
      description = "No feed at this address: never issued, or rotated since",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(ref = "#/components/schemas/Problem")))
  public Uni<RestResponse<String>> calendar(@PathParam("token") String token) {
    return feeds
        .calendar(token)
        .map(
            ics ->
                RestResponse.ResponseBuilder.ok(ics, CALENDAR)
                    .header("Cache-Control", "private, max-age=300")
                    .build());
  }
}
