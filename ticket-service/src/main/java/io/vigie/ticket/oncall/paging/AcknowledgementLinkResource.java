package io.vigie.ticket.oncall.paging;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
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
 * credential, stored only as its SHA-256, bound to the page and the person it was sent to, valid
 * {@code vigie.ticket.oncall.link-valid-for}). GET shows the ticket and buttons (acknowledge,
 * resolve), so a mail scanner that fetches links changes nothing; POST acknowledges once; a used or
 * expired link answers 410, an unknown one 404 — as an HTML page for a browser.
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
  @Operation(
      operationId = "showAcknowledgementLink",
      summary = "The page behind an email's link: the ticket and what the link can still do")
  @APIResponse(
      responseCode = "200",
      description = "The ticket, with a button to acknowledge and one to resolve (nothing changes)",
      content =
          @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "404",
      description = "No email carried this link (mistyped or altered)",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(ref = "#/components/schemas/Problem")))
  @APIResponse(
      responseCode = "410",
      description = "The link expired",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(ref = "#/components/schemas/Problem")))
  public Uni<RestResponse<String>> show(
      @PathParam("token") String token, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    return LinkPages.answer(
        paging.linkState(token).map(link -> LinkPages.confirm(link, token, false)), accept);
  }

  @POST
  @Path("/{token}")
  @Produces(MediaType.TEXT_HTML)
  @Operation(
      operationId = "acknowledgeByLink",
      summary = "Acknowledge the page of an email's single-use link (410 once used or expired)")
  @APIResponse(
      responseCode = "200",
      description = "Acknowledged: the page stops escalating and the ticket is acknowledged",
      content =
          @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "404",
      description = "No email carried this link (mistyped or altered)",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(ref = "#/components/schemas/Problem")))
  @APIResponse(
      responseCode = "409",
      description = "The page no longer escalates (acknowledged by someone, or exhausted)",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(ref = "#/components/schemas/Problem")))
  @APIResponse(
      responseCode = "410",
      description = "The link was used already (single use) or expired",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(ref = "#/components/schemas/Problem")))
  public Uni<RestResponse<String>> acknowledge(
      @PathParam("token") String token, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    return LinkPages.answer(
        paging
            .acknowledgeByLink(token)
            .map(
                p ->
                    LinkPages.done(
                        p.ticketReference,
                        p.ticketReference
                            + " acknowledged by "
                            + p.acknowledgedBy
                            + ". The escalation stopped. Resolve it with the email's Resolve"
                            + " link once it is fixed.")),
        accept);
  }
}
