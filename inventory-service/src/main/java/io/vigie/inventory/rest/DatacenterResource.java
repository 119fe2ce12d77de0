package io.vigie.inventory.rest;

import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.DatacenterSnapshot;
import io.vigie.events.inventory.RackSnapshot;
import io.vigie.inventory.Datacenter;
import io.vigie.inventory.Rack;
import io.vigie.inventory.service.DatacenterService;
import io.vigie.inventory.service.RackService;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Datacenters and racks: the hoster's own sites, read by staff, changed by operators. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Datacenters and racks")
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
  @Operation(summary = "List datacenters")
  public Uni<Listing<DatacenterSnapshot>> list(
      @QueryParam("country") String country, @Valid @BeanParam PageRequest page) {
    return datacenters.list(country, page);
  }

  @GET
  @Path("/datacenters/{id}")
  @Operation(summary = "Read a datacenter")
  public Uni<Response> get(@PathParam("id") UUID id) {
    return datacenters.find(id).map(DatacenterResource::ok);
  }

  @POST
  @Path("/datacenters")
  @Operation(summary = "Register a datacenter; honours Idempotency-Key")
  public Uni<Response> register(
      @HeaderParam(IdempotencyKeys.HEADER) String key,
      @Valid @NotNull Requests.DatacenterRequest request) {
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
  @Operation(summary = "Update a datacenter (If-Match required)")
  public Uni<Response> update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull Requests.DatacenterRequest request) {
    return datacenters.update(id, ifMatch, request, caller.get()).map(DatacenterResource::ok);
  }

  @GET
  @Path("/racks")
  @Operation(summary = "List racks, optionally of one datacenter")
  public Uni<Listing<RackSnapshot>> racks(
      @QueryParam("datacenterId") UUID datacenterId, @Valid @BeanParam PageRequest page) {
    return racks.list(datacenterId, page);
  }

  @GET
  @Path("/racks/{id}")
  @Operation(summary = "Read a rack")
  public Uni<Response> rack(@PathParam("id") UUID id) {
    return racks.find(id).map(DatacenterResource::ok);
  }

  @POST
  @Path("/racks")
  @Operation(summary = "Install a rack in a datacenter; honours Idempotency-Key")
  public Uni<Response> install(
      @HeaderParam(IdempotencyKeys.HEADER) String key,
      @Valid @NotNull Requests.RackRequest request) {
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
  @Operation(summary = "Update a rack (If-Match required)")
  public Uni<Response> updateRack(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull Requests.RackRequest request) {
    return racks.update(id, ifMatch, request, caller.get()).map(DatacenterResource::ok);
  }

  private static Response ok(Datacenter dc) {
    return Response.ok(dc.snapshot()).tag(ETags.of(dc.version)).build();
  }

  private static Response ok(Rack rack) {
    return Response.ok(rack.snapshot()).tag(ETags.of(rack.version)).build();
  }
}
