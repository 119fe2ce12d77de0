package io.vigie.ticket.status;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.Created;
import io.vigie.kit.web.ETags;
import io.vigie.kit.web.IdempotencyKeys;
import io.vigie.ticket.status.StatusViews.NewStatusPlatform;
import io.vigie.ticket.status.StatusViews.StatusPlatformChange;
import io.vigie.ticket.status.StatusViews.StatusPlatformView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The platforms a hoster publishes on its status page (staff; the list also to the status page's
 * reader, {@link Roles#STATUS_READER}).
 */
@Path("/api/v1/status/platforms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Status page", description = "What the public status page shows, chosen by staff")
@RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class StatusPlatformResource {

  static final String PATH = "/api/v1/status/platforms";

  private final StatusService status;
  private final IdempotencyKeys idempotency;
  private final CurrentCaller caller;

  public StatusPlatformResource(
      StatusService status, IdempotencyKeys idempotency, CurrentCaller caller) {
    this.status = status;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  /**
   * Also the public status page's reader's (the console's service account): the platforms' targets
   * whose availability the page draws. Every other operation here is staff's only.
   */
  @GET
  @RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN, Roles.STATUS_READER})
  @Operation(
      operationId = "listStatusPlatforms",
      summary =
          "The published platforms in display order, with the targets each shows (staff, and the"
              + " status page's reader)")
  public Uni<List<StatusPlatformView>> list() {
    return status.platforms();
  }

  @POST
  @Operation(
      operationId = "createStatusPlatform",
      summary =
          "Publish a platform: name, slug, display order, the servers and hosted services whose"
              + " availability it shows; honours Idempotency-Key")
  public Uni<RestResponse<StatusPlatformView>> create(
      @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull NewStatusPlatform request) {
    return idempotency.create(
        key,
        caller.get(),
        "POST " + PATH,
        request,
        () ->
            status
                .createPlatform(request, caller.get())
                .map(v -> new Created<>(URI.create(PATH + "/" + v.id()), v, v.version())));
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getStatusPlatform", summary = "Read a platform (ETag = version)")
  public Uni<RestResponse<StatusPlatformView>> get(@PathParam("id") UUID id) {
    return status.platform(id).map(v -> ETags.ok(v, v.version()));
  }

  @PATCH
  @Path("/{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @Operation(
      operationId = "changeStatusPlatform",
      summary = "Change a platform; absent fields stay; If-Match required")
  public Uni<RestResponse<StatusPlatformView>> change(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull StatusPlatformChange change) {
    return status
        .changePlatform(id, ifMatch, change, caller.get())
        .map(v -> ETags.ok(v, v.version()));
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "deleteStatusPlatform",
      summary =
          "Take a platform off the page (notices naming it stop naming it); If-Match required")
  @APIResponse(responseCode = "204", description = "Taken off the page")
  public Uni<RestResponse<Void>> delete(
      @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
    return status.deletePlatform(id, ifMatch).map(v -> RestResponse.noContent());
  }
}
