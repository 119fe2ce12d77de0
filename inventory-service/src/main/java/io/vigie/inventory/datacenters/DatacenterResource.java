package io.vigie.inventory.datacenters;

import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.DatacenterSnapshot;
import io.vigie.events.inventory.RackSnapshot;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.Created;
import io.vigie.kit.web.ETags;
import io.vigie.kit.web.IdempotencyKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Datacenters and racks: the hoster's own sites, read by staff, changed by operators. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Datacenters and racks",
    description = "The hoster's sites and the racks in them; staff only")
@RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class DatacenterResource {

  private final DatacenterService datacenters;
  private final RackService racks;
  private final IdempotencyKeys idempotency;
  private final CurrentCaller caller;

  public DatacenterResource(
      DatacenterService datacenters,
      RackService racks,
      IdempotencyKeys idempotency,
      CurrentCaller caller) {
    this.datacenters = datacenters;
    this.racks = racks;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @GET
  @Path("/datacenters")
  @Operation(operationId = "listDatacenters", summary = "List datacenters")
  public Uni<Listing<DatacenterSnapshot>> list(
      @QueryParam("country") String country, @Valid @BeanParam PageRequest page) {
    return datacenters.list(country, page);
  }

  @GET
  @Path("/datacenters/{id}")
  @Operation(operationId = "getDatacenter", summary = "Read a datacenter")
  public Uni<RestResponse<DatacenterSnapshot>> get(@PathParam("id") UUID id) {
    return datacenters.read(id).map(d -> ETags.ok(d, d.version()));
  }

  @POST
  @Path("/datacenters")
  @Operation(
      operationId = "registerDatacenter",
      summary = "Register a datacenter; honours Idempotency-Key")
  public Uni<RestResponse<DatacenterSnapshot>> register(
      @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull DatacenterRequest request) {
    return idempotency.create(
        key,
        caller.get(),
        "POST /api/v1/datacenters",
        request,
        () ->
            datacenters
                .register(request, caller.get())
                .map(
                    dc ->
                        new Created<>(
                            URI.create("/api/v1/datacenters/" + dc.id),
                            dc.snapshot(),
                            dc.version)));
  }

  @PUT
  @Path("/datacenters/{id}")
  @Operation(operationId = "updateDatacenter", summary = "Update a datacenter (If-Match required)")
  public Uni<RestResponse<DatacenterSnapshot>> update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull DatacenterRequest request) {
    return datacenters.update(id, ifMatch, request, caller.get()).map(DatacenterResource::ok);
  }

  @GET
  @Path("/racks")
  @Operation(operationId = "listRacks", summary = "List racks, optionally of one datacenter")
  public Uni<Listing<RackSnapshot>> racks(
      @QueryParam("datacenterId") UUID datacenterId, @Valid @BeanParam PageRequest page) {
    return racks.list(datacenterId, page);
  }

  @GET
  @Path("/racks/{id}")
  @Operation(operationId = "getRack", summary = "Read a rack")
  public Uni<RestResponse<RackSnapshot>> rack(@PathParam("id") UUID id) {
    return racks.read(id).map(r -> ETags.ok(r, r.version()));
  }

  @POST
  @Path("/racks")
  @Operation(
      operationId = "installRack",
      summary = "Install a rack in a datacenter; honours Idempotency-Key")
  public Uni<RestResponse<RackSnapshot>> install(
      @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull RackRequest request) {
    return idempotency.create(
        key,
        caller.get(),
        "POST /api/v1/racks",
        request,
        () ->
            racks
                .install(request, caller.get())
                .map(
                    r ->
                        new Created<>(
                            URI.create("/api/v1/racks/" + r.id), r.snapshot(), r.version)));
  }

  @PUT
  @Path("/racks/{id}")
  @Operation(operationId = "updateRack", summary = "Update a rack (If-Match required)")
  public Uni<RestResponse<RackSnapshot>> updateRack(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull RackRequest request) {
    return racks.update(id, ifMatch, request, caller.get()).map(DatacenterResource::ok);
  }

  private static RestResponse<DatacenterSnapshot> ok(Datacenter dc) {
    return ETags.ok(dc.snapshot(), dc.version);
  }

  private static RestResponse<RackSnapshot> ok(Rack rack) {
    return ETags.ok(rack.snapshot(), rack.version);
  }
}
