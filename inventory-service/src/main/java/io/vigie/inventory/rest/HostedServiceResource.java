package io.vigie.inventory.rest;

import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.HostedServiceKind;
import io.vigie.events.inventory.HostedServiceSnapshot;
import io.vigie.inventory.HostedService;
import io.vigie.inventory.service.HostedServiceService;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
  @Operation(summary = "List hosted services; filter by client, kind or the server they run on")
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
  @Operation(summary = "Read a hosted service")
  public Uni<Response> get(@PathParam("id") UUID id) {
    return services.find(id, caller.get()).map(HostedServiceResource::ok);
  }

  @POST
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(summary = "Declare a hosted service and where it runs; honours Idempotency-Key")
  public Uni<Response> create(
      @HeaderParam(IdempotencyKeys.HEADER) String key,
      @Valid @NotNull Requests.HostedServiceRequest request) {
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
  @Operation(summary = "Change a hosted service (If-Match required)")
  public Uni<Response> update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull Requests.HostedServiceRequest request) {
    return services.update(id, ifMatch, request, caller.get()).map(HostedServiceResource::ok);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(summary = "Remove a hosted service (If-Match required)")
  public Uni<Response> remove(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return services.remove(id, ifMatch, caller.get()).replaceWith(Response.noContent().build());
  }

  private static Response ok(HostedService h) {
    return Response.ok(h.snapshot()).tag(ETags.of(h.version)).build();
  }
}
