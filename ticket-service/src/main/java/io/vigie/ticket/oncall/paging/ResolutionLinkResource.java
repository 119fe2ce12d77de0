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
 * The resolve link of a page email: the same token as its acknowledgement link, used once to
 * resolve. GET shows the ticket and a button (nothing changes); POST resolves the ticket as the
 * person the email went to (stopping the page if it still escalates), once; a used or expired link
 * answers 410, an unknown one 404, a ticket resolved already 409 — as an HTML page for a browser,
 * and nothing changes.
 */
@Path("/on-call/resolve")
@PermitAll
@Tag(name = "Pages")
public class ResolutionLinkResource {

  private final PagingService paging;

  public ResolutionLinkResource(PagingService paging) {
    this.paging = paging;
  }

  @GET
  @Path("/{token}")
  @Produces(MediaType.TEXT_HTML)
  @Operation(
      operationId = "showResolutionLink",
      summary = "The page behind an email's resolve link: the ticket and a button (no change)")
  @APIResponse(
      responseCode = "200",
      description = "The ticket, with a button to resolve it",
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
        paging.linkState(token).map(link -> LinkPages.confirm(link, token, true)), accept);
  }

  @POST
  @Path("/{token}")
  @Produces(MediaType.TEXT_HTML)
  @Operation(
      operationId = "resolveByLink",
      summary =
          "Resolve the ticket of an email's single-use link as the person it was sent to (410 once"
              + " used or expired)")
  @APIResponse(
      responseCode = "200",
      description =
          "Resolved: the page stopped, the ticket is resolved pending the client's confirmation",
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
      description = "The ticket is resolved or closed already",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(ref = "#/components/schemas/Problem")))
  @APIResponse(
      responseCode = "410",
      description = "The link resolved its ticket already (single use) or expired",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(ref = "#/components/schemas/Problem")))
  public Uni<RestResponse<String>> resolve(
      @PathParam("token") String token, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    return LinkPages.answer(
        paging
            .resolveByLink(token)
            .map(
                p ->
                    LinkPages.done(
                        p.ticketReference,
                        p.ticketReference
                            + " resolved by "
                            + p.resolvedBy
                            + ". The escalation stopped; the client confirms the resolution or"
                            + " reopens the incident.")),
        accept);
  }
}
