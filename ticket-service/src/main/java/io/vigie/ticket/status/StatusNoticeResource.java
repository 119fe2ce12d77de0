package io.vigie.ticket.status;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.Created;
import io.vigie.kit.web.ETags;
import io.vigie.kit.web.IdempotencyKeys;
import io.vigie.ticket.status.StatusViews.NewStatusNotice;
import io.vigie.ticket.status.StatusViews.NewStatusNoticeUpdate;
import io.vigie.ticket.status.StatusViews.StatusNoticeChange;
import io.vigie.ticket.status.StatusViews.StatusNoticeView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Incidents and planned interventions published on the status page in public words (staff): a
 * public title, the platforms concerned, kept and timestamped updates; taken down at will.
 */
@Path("/api/v1/status/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Status page", description = "What the public status page shows, chosen by staff")
@RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class StatusNoticeResource {

  static final String PATH = "/api/v1/status/notices";

  private final StatusService status;
  private final IdempotencyKeys idempotency;
  private final CurrentCaller caller;

  public StatusNoticeResource(
      StatusService status, IdempotencyKeys idempotency, CurrentCaller caller) {
    this.status = status;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @GET
  @Operation(
      operationId = "listStatusNotices",
      summary =
          "Published notices, newest first (the last 200); ?withdrawn=true adds those taken down")
  public Uni<List<StatusNoticeView>> list(@QueryParam("withdrawn") Boolean withdrawn) {
    return status.notices(Boolean.TRUE.equals(withdrawn));
  }

  @POST
  @Operation(
      operationId = "publishStatusNotice",
      summary =
          "Publish an incident (incidentId) or a planned intervention (interventionId) on the"
              + " status page with a public title, its platforms and a first public update;"
              + " honours Idempotency-Key")
  public Uni<RestResponse<StatusNoticeView>> publish(
      @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull NewStatusNotice request) {
    return idempotency.create(
        key,
        caller.get(),
        "POST " + PATH,
        request,
        () ->
            status
                .publish(request, caller.get())
                .map(v -> new Created<>(URI.create(PATH + "/" + v.id()), v, v.version())));
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getStatusNotice",
      summary = "A notice with every update, newest first (ETag = version)")
  public Uni<RestResponse<StatusNoticeView>> get(@PathParam("id") UUID id) {
    return status.notice(id).map(v -> ETags.ok(v, v.version()));
  }

  @PATCH
  @Path("/{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @Operation(
      operationId = "changeStatusNotice",
      summary = "Change a notice's public title or platforms; If-Match required")
  public Uni<RestResponse<StatusNoticeView>> change(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull StatusNoticeChange change) {
    return status
        .changeNotice(id, ifMatch, change, caller.get())
        .map(v -> ETags.ok(v, v.version()));
  }

  @POST
  @Path("/{id}/updates")
  @Operation(
      operationId = "addStatusNoticeUpdate",
      summary =
          "Add a public update (phase and message), kept and timestamped; RESOLVED or COMPLETED"
              + " moves it to the page's history; If-Match required")
  public Uni<RestResponse<StatusNoticeView>> update(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull NewStatusNoticeUpdate update) {
    return status.addUpdate(id, ifMatch, update, caller.get()).map(v -> ETags.ok(v, v.version()));
  }

  @POST
  @Path("/{id}/withdrawal")
  @Operation(
      operationId = "withdrawStatusNotice",
      summary =
          "Take a notice down: off the page and its feeds at once, kept for staff; If-Match"
              + " required")
  public Uni<RestResponse<StatusNoticeView>> withdraw(
      @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
    return status.withdraw(id, ifMatch, caller.get()).map(v -> ETags.ok(v, v.version()));
  }
}
