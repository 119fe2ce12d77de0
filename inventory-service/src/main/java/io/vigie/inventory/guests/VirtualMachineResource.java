package io.vigie.inventory.guests;

import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.GuestKind;
import io.vigie.events.inventory.VirtualMachineSnapshot;
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
  @Operation(
      operationId = "listVirtualMachines",
      summary = "List VMs and containers; a client sees only its own")
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
  @Operation(operationId = "getVirtualMachine", summary = "Read a VM or container")
  public Uni<RestResponse<VirtualMachineSnapshot>> get(@PathParam("id") UUID id) {
    return machines.read(id, caller.get()).map(v -> ETags.ok(v, v.version()));
  }

  @POST
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "provisionVirtualMachine",
      summary = "Provision a VM or container on a hypervisor; honours Idempotency-Key")
  public Uni<RestResponse<VirtualMachineSnapshot>> provision(
      @HeaderParam(IdempotencyKeys.HEADER) String key,
      @Valid @NotNull VirtualMachineRequest request) {
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
  @Operation(
      operationId = "updateVirtualMachine",
      summary = "Resize or move a VM or container (If-Match required)")
  public Uni<RestResponse<VirtualMachineSnapshot>> update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull VirtualMachineRequest request) {
    return machines.update(id, ifMatch, request, caller.get()).map(VirtualMachineResource::ok);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "removeVirtualMachine",
      summary = "Remove a VM or container (If-Match required)")
  public Uni<RestResponse<Void>> remove(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return machines.remove(id, ifMatch, caller.get()).replaceWith(RestResponse.noContent());
  }

  private static RestResponse<VirtualMachineSnapshot> ok(VirtualMachine vm) {
    return ETags.ok(vm.snapshot(), vm.version);
  }
}
