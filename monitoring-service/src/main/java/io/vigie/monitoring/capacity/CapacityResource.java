package io.vigie.monitoring.capacity;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.Roles;
import io.vigie.monitoring.capacity.CapacityPlan.CapacityReport;
import io.vigie.monitoring.capacity.CapacityPlan.PlacementAnswer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.InstantSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Capacity planning of the hypervisors and where a new VM fits: the hoster's staff only. */
@Path("/api/v1/capacity")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
@Tag(
    name = "Capacity",
    description =
        "Hypervisors' CPU, RAM and disk: allocated vs physical vs used vs forecast, and placement")
public class CapacityResource {

  private final CapacityService capacity;
  private final InstantSource clock;

  public CapacityResource(CapacityService capacity, InstantSource clock) {
    this.capacity = capacity;
    this.clock = clock;
  }

  @GET
  @Operation(
      operationId = "getCapacityReport",
      summary =
          "Per datacenter and hypervisor (?datacenter= to narrow): allocated, physical, allocatable"
              + " under the overcommit policy, used (last closed hour) and the trend's forecast at"
              + " 30, 90 and 180 days, and which hosts run out first")
  public Uni<RestResponse<CapacityReport>> report(@QueryParam("datacenter") String datacenter) {
    Instant now = clock.instant();
    return capacity.report(datacenter, now).map(RestResponse::ok);
  }

  @GET
  @Path("/placement")
  @Operation(
      operationId = "getCapacityPlacement",
      summary =
          "Where a new VM of ?vcpus=&ramGb=&diskGb= fits (?datacenter= to narrow): the ACTIVE"
              + " hypervisors that take it without crossing the overcommit policy, most room left"
              + " first, and why each other one cannot")
  public Uni<RestResponse<PlacementAnswer>> placement(
      @QueryParam("vcpus") String vcpus,
      @QueryParam("ramGb") String ramGb,
      @QueryParam("diskGb") String diskGb,
      @QueryParam("datacenter") String datacenter) {
    Instant now = clock.instant();
    return capacity.placement(vcpus, ramGb, diskGb, datacenter, now).map(RestResponse::ok);
  }
}
