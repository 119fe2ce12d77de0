package io.vigie.ticket.status;

import io.smallrye.mutiny.Uni;
import io.vigie.ticket.status.StatusViews.PublicStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The public status page's data, for anyone: no token (outside {@code /api}, whose every path the
 * kit requires a token for and documents as secured, as {@code /ical} and {@code /on-call/ack}
 * are). It answers only what staff published: platforms, notices in their public words, public
 * announcements. Cached one minute by browsers and proxies.
 */
@Path("/public")
@PermitAll
@Tag(name = "Status page", description = "What the public status page shows, chosen by staff")
public class PublicStatusResource {

  static final String CALENDAR = "text/calendar; charset=utf-8";
  static final String CACHE = "public, max-age=60";

  private final StatusService status;

  public PublicStatusResource(StatusService status) {
    this.status = status;
  }

  @GET
  @Path("/status")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getPublicStatus",
      summary =
          "The public status page (no token): platforms, incidents open or resolved in the last 90"
              + " days with their updates, planned interventions (90 days back, 30 ahead), public"
              + " announcements")
  @APIResponse(
      responseCode = "200",
      description = "Only what staff published on the page",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PublicStatus.class)))
  public Uni<RestResponse<PublicStatus>> status() {
    return status
        .publicStatus()
        .map(
            s ->
                RestResponse.ResponseBuilder.ok(s, MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", CACHE)
                    .build());
  }

  @GET
  @Path("/status.ics")
  @Produces(CALENDAR)
  @Operation(
      operationId = "getPublicStatusCalendar",
      summary =
          "The status page's planned interventions and incidents as an RFC 5545 calendar (no"
              + " token)")
  @APIResponse(
      responseCode = "200",
      description =
          "VEVENT per published intervention (its window; STATUS:CANCELLED once cancelled) and"
              + " incident (until resolved)",
      content = @Content(mediaType = CALENDAR, schema = @Schema(type = SchemaType.STRING)))
  public Uni<RestResponse<String>> calendar() {
    return status
        .publicCalendar()
        .map(
            ics ->
                RestResponse.ResponseBuilder.ok(ics, CALENDAR)
                    .header("Cache-Control", CACHE)
                    .build());
  }
}
