package io.vigie.monitoring.maintenance;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.Created;
import io.vigie.kit.web.IdempotencyKeys;
import io.vigie.kit.web.Page;
import io.vigie.kit.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Planned maintenance windows: no alert pages anyone and no downtime counts while one runs. */
@Path("/api/v1/maintenance-windows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Maintenance windows",
    description = "Approved maintenance: alerts suppressed, excluded from availability")
public class MaintenanceWindowResource {

  private final MaintenanceWindowService windows;
  private final IdempotencyKeys idempotency;
  private final CurrentCaller caller;

  public MaintenanceWindowResource(
      MaintenanceWindowService windows, IdempotencyKeys idempotency, CurrentCaller caller) {
    this.windows = windows;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @POST
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "declareMaintenanceWindow",
      summary =
          "Declare a maintenance window (engineers, experts, admins); honours Idempotency-Key")
  public Uni<RestResponse<MaintenanceWindowView>> create(
      @HeaderParam(IdempotencyKeys.HEADER) String key,
      @Valid @NotNull MaintenanceWindowRequest request) {
    return idempotency.create(
        key,
        caller.get(),
        "POST /api/v1/maintenance-windows",
        request,
        () ->
            windows
                .create(request, caller.get())
                .map(
                    v ->
                        new Created<>(URI.create("/api/v1/maintenance-windows/" + v.id()), v, 1L)));
  }

  @GET
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listMaintenanceWindows",
      summary =
          "List windows; ?serverId=, ?hostedServiceId=, ?activeAt=, ?from=&to=, ?cancelled="
              + " narrow it; a client sees the windows covering its own targets")
  public Uni<Page<MaintenanceWindowView>> list(
      @QueryParam("serverId") UUID serverId,
      @QueryParam("hostedServiceId") UUID hostedServiceId,
      @QueryParam("activeAt") String activeAt,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("cancelled") Boolean cancelled,
      @Valid @BeanParam PageRequest page) {
    return windows.list(
        new MaintenanceWindowService.ListFilter(
            serverId,
            hostedServiceId,
            Periods.instant("activeAt", activeAt),
            Periods.instant("from", from),
            Periods.instant("to", to),
            cancelled),
        page,
        caller.get());
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(operationId = "getMaintenanceWindow", summary = "Read a maintenance window")
  public Uni<MaintenanceWindowView> get(@PathParam("id") UUID id) {
    return windows.find(id, caller.get());
  }

  @GET
  @Path("/{id}/occurrences")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listMaintenanceOccurrences",
      summary =
          "The concrete intervals of a window overlapping [from, to) (default: its start and 31"
              + " days on; at most 400 days)")
  public Uni<MaintenanceWindowService.OccurrencesView> occurrences(
      @PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to) {
    return windows.occurrences(
        id, Periods.instant("from", from), Periods.instant("to", to), caller.get());
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "cancelMaintenanceWindow",
      summary =
          "Cancel a window from now on (kept for history; past occurrences stay); 204, idempotent")
  public Uni<RestResponse<Void>> cancel(@PathParam("id") UUID id) {
    return windows.cancel(id, caller.get()).replaceWith(RestResponse.noContent());
  }
}
