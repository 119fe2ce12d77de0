package io.vigie.inventory.reports;

import io.smallrye.mutiny.Uni;
import io.vigie.inventory.reports.ReportService.CapacityReport;
import io.vigie.inventory.reports.ReportService.ExpiringServer;
import io.vigie.inventory.reports.ReportService.ServerImpact;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Capacity planning, expiring hardware and outage impact. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Reports",
    description = "Capacity, warranty and outage impact, computed from the inventory")
public class ReportResource {

  private final ReportService reports;
  private final CurrentCaller caller;

  public ReportResource(ReportService reports, CurrentCaller caller) {
    this.reports = reports;
    this.caller = caller;
  }

  @GET
  @Path("/capacity")
  @RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getCapacityReport",
      summary =
          "Physical capacity, allocation, overcommit and latest usage of hypervisors, per host and"
              + " per datacenter")
  public Uni<CapacityReport> capacity(@QueryParam("datacenterId") UUID datacenterId) {
    return reports.capacity(datacenterId);
  }

  @GET
  @Path("/warranty")
  @RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listExpiringWarranties",
      summary =
          "Servers in service whose warranty or end of life falls within the coming days, expired"
              + " ones included")
  public Uni<List<ExpiringServer>> warranty(
      @QueryParam("withinDays") @DefaultValue("90") @Min(0) @Max(3650) int withinDays) {
    return reports.warranty(withinDays, LocalDate.now(ZoneOffset.UTC));
  }

  @GET
  @Path("/impact/{serverId}")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getServerImpact",
      summary =
          "VMs, hosted services and clients an outage of the server would hit; a client sees its"
              + " own share only")
  public Uni<ServerImpact> impact(@PathParam("serverId") UUID serverId) {
    return reports.impact(serverId, caller.get());
  }
}
