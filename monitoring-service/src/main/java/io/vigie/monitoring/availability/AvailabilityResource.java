package io.vigie.monitoring.availability;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Availability of servers and hosted services, and the monthly report against contracts. */
@Path("/api/v1/availability")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Availability",
    description = "Up and down time from check results, approved maintenance excluded")
public class AvailabilityResource {

  private final AvailabilityService availability;
  private final CurrentCaller caller;

  public AvailabilityResource(AvailabilityService availability, CurrentCaller caller) {
    this.availability = availability;
    this.caller = caller;
  }

  /** Also the public status page's reader's: the published platforms' targets, any tenant's. */
  @GET
  @RolesAllowed({
    Roles.CLIENT,
    Roles.SUPPORT,
    Roles.ENGINEER,
    Roles.EXPERT,
    Roles.ADMIN,
    Roles.STATUS_READER
  })
  @Operation(
      operationId = "getAvailability",
      summary =
          "Availability of ?serverId= or ?hostedServiceId= over [from, to) (ISO instants, at most"
              + " 400 days), measured up to now, maintenance excluded")
  public Uni<AvailabilityService.TargetAvailability> availability(
      @QueryParam("serverId") UUID serverId,
      @QueryParam("hostedServiceId") UUID hostedServiceId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return availability.availability(serverId, hostedServiceId, from, to, caller.get());
  }

  @GET
  @Path("/reports/{clientCode}/{month}")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getClientAvailabilityReport",
      summary =
          "A client's month (yyyy-MM, UTC): each hosted service and overall against the"
              + " contract's availability target, with the downtimes that made it")
  public Uni<AvailabilityService.ClientReport> report(
      @PathParam("clientCode") String clientCode, @PathParam("month") String month) {
    return availability.monthlyReport(clientCode, month, caller.get());
  }
}
