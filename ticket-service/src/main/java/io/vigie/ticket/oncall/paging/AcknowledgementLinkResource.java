package io.vigie.ticket.oncall.paging;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
 * The acknowledgement link of a page email (no bearer token: the link's 256-bit token is the
 * credential, single-use, stored only as its SHA-256). GET shows a button, so a mail scanner that
 * fetches links acknowledges nothing; POST acknowledges; a used link answers 410.
 */
@Path("/on-call/ack")
@PermitAll
@Tag(name = "Pages")
public class AcknowledgementLinkResource {

  private final PagingService paging;

  public AcknowledgementLinkResource(PagingService paging) {
    this.paging = paging;
  }

  @GET
  @Path("/{token}")
  @Produces(MediaType.TEXT_HTML)
  @Operation(operationId = "showAcknowledgementLink", summary = "The page behind an email's link")
  public RestResponse<String> show(@PathParam("token") String token) {
    return RestResponse.ok(
        "<!doctype html><html><body><form method=\"post\"><p>Acknowledge this page?</p>"
            + "<button type=\"submit\">Acknowledge</button></form></body></html>");
  }

  @POST
  @Path("/{token}")
  @Produces(MediaType.TEXT_HTML)
  @Operation(
      operationId = "acknowledgeByLink",
      summary = "Acknowledge the page of an email's single-use link (410 once used)")
  @APIResponse(
      responseCode = "200",
      description = "Acknowledged: the page stops escalating and the ticket is acknowledged",
      content =
          @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "404",
      description = "No link with this token was ever sent",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(ref = "#/components/schemas/Problem")))
  @APIResponse(
      responseCode = "410",
      description = "The link was used already (single use)",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(ref = "#/components/schemas/Problem")))
  public Uni<RestResponse<String>> acknowledge(@PathParam("token") String token) {
    return paging
        .acknowledgeByLink(token)
        .map(
            p ->
                RestResponse.ok(
                    "<!doctype html><html><body><p>"
                        + PageMessage.Html.escape(p.ticketReference)
                        + " acknowledged by "
                        + PageMessage.Html.escape(p.acknowledgedBy)
                        + ".</p></body></html>"));
  }
}
