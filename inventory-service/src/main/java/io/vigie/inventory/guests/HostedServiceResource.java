package io.vigie.inventory.guests;

import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.HostedServiceKind;
import io.vigie.events.inventory.HostedServiceSnapshot;
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
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

@Path("/api/v1/hosted-services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Hosted services",
    description = "Clients' websites, applications and databases and where they run")
public class HostedServiceResource {

  private final HostedServiceService services;
  private final IdempotencyKeys idempotency;
  private final CurrentCaller caller;

  public HostedServiceResource(
      HostedServiceService services, IdempotencyKeys idempotency, CurrentCaller caller) {
    this.services = services;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listHostedServices",
      summary = "List hosted services; filter by client, kind or the server they run on")
  public Uni<Listing<HostedServiceSnapshot>> list(
      @QueryParam("client") @Size(max = 40) String client,
      @QueryParam("kind") HostedServiceKind kind,
      @QueryParam("serverId") UUID serverId,
      @Valid @BeanParam PageRequest page) {
    return services.list(client, kind, serverId, page, caller.get());
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(operationId = "getHostedService", summary = "Read a hosted service")
  public Uni<RestResponse<HostedServiceSnapshot>> get(@PathParam("id") UUID id) {
    return services.read(id, caller.get()).map(h -> ETags.ok(h, h.version()));
  }

  @POST
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "registerHostedService",
      summary = "Declare a hosted service and where it runs; honours Idempotency-Key")
  public Uni<RestResponse<HostedServiceSnapshot>> create(
      @HeaderParam(IdempotencyKeys.HEADER) String key,
      @Valid @NotNull HostedServiceRequest request) {
    return idempotency.create(
        key,
        caller.get(),
        "POST /api/v1/hosted-services",
        request,
        () ->
            services
                .create(request, caller.get())
                .map(
                    v ->
                        new Created<>(
                            URI.create("/api/v1/hosted-services/" + v.id),
                            v.snapshot(),
                            v.version)));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "updateHostedService",
      summary = "Change a hosted service (If-Match required)")
  public Uni<RestResponse<HostedServiceSnapshot>> update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull HostedServiceRequest request) {
    return services.update(id, ifMatch, request, caller.get()).map(HostedServiceResource::ok);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "removeHostedService",
      summary = "Remove a hosted service (If-Match required)")
  public Uni<RestResponse<Void>> remove(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return services.remove(id, ifMatch, caller.get()).replaceWith(RestResponse.noContent());
  }

  private static RestResponse<HostedServiceSnapshot> ok(HostedService h) {
    return ETags.ok(h.snapshot(), h.version);
  }
}
