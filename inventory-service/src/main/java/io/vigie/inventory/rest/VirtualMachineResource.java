package io.vigie.inventory.rest;

import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.GuestKind;
import io.vigie.events.inventory.VirtualMachineSnapshot;
import io.vigie.inventory.VirtualMachine;
import io.vigie.inventory.service.VirtualMachineService;
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

@Path("/api/v1/virtual-machines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Virtual machines and containers", description = "Clients' VMs and LXC containers")
public class VirtualMachineResource {

  private final VirtualMachineService machines;
  private final IdempotencyKeys idempotency;
  private final CurrentCaller caller;

  public VirtualMachineResource(
      VirtualMachineService machines, IdempotencyKeys idempotency, CurrentCaller caller) {
    this.machines = machines;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(summary = "List VMs and containers; a client sees only its own")
  public Uni<Listing<VirtualMachineSnapshot>> list(
      @QueryParam("hostServerId") UUID hostServerId,
      @QueryParam("client") @Size(max = 40) String client,
      @QueryParam("kind") GuestKind kind,
      @Valid @BeanParam PageRequest page) {
    return machines.list(hostServerId, client, kind, page, caller.get());
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(summary = "Read a VM or container")
  public Uni<Response> get(@PathParam("id") UUID id) {
    return machines.find(id, caller.get()).map(VirtualMachineResource::ok);
  }

  @POST
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(summary = "Provision a VM or container on a hypervisor; honours Idempotency-Key")
  public Uni<Response> provision(
      @HeaderParam(IdempotencyKeys.HEADER) String key,
      @Valid @NotNull Requests.VirtualMachineRequest request) {
    return idempotency.create(
        key,
        caller.get(),
        "POST /api/v1/virtual-machines",
        request,
        () ->
            machines
                .provision(request, caller.get())
                .map(
                    v ->
                        new Created<>(
                            URI.create("/api/v1/virtual-machines/" + v.id),
                            v.snapshot(),
                            v.version)));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(summary = "Resize or move a VM or container (If-Match required)")
  public Uni<Response> update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull Requests.VirtualMachineRequest request) {
    return machines.update(id, ifMatch, request, caller.get()).map(VirtualMachineResource::ok);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(summary = "Remove a VM or container (If-Match required)")
  public Uni<Response> remove(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return machines.remove(id, ifMatch, caller.get()).replaceWith(Response.noContent().build());
  }

  private static Response ok(VirtualMachine vm) {
    return Response.ok(vm.snapshot()).tag(ETags.of(vm.version)).build();
  }
}
