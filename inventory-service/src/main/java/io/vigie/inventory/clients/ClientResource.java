package io.vigie.inventory.clients;

import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.ContractTerms;
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

@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clients", description = "Clients (tenants) and their contracts")
public class ClientResource {

  private final ClientService clients;
  private final IdempotencyKeys idempotency;
  private final CurrentCaller caller;

  public ClientResource(ClientService clients, IdempotencyKeys idempotency, CurrentCaller caller) {
    this.clients = clients;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(operationId = "listClients", summary = "List clients; a client sees only itself")
  public Uni<Listing<ClientSnapshot>> list(
      @QueryParam("code") String code, @Valid @BeanParam PageRequest page) {
    return clients.list(code, page, caller.get());
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(operationId = "getClient", summary = "Read a client and its contract (ETag = version)")
  public Uni<RestResponse<ClientSnapshot>> get(@PathParam("id") UUID id) {
    return clients.read(id, caller.get()).map(c -> ETags.ok(c, c.version()));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "registerClient",
      summary = "Register a client with its contract (admins); honours Idempotency-Key")
  public Uni<RestResponse<ClientSnapshot>> register(
      @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull NewClient request) {
    return idempotency.create(
        key,
        caller.get(),
        "POST /api/v1/clients",
        request,
        () ->
            clients
                .register(request, caller.get())
                .map(c -> new Created<>(location(c), c.snapshot(), c.version)));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "updateClient",
      summary = "Change a client's name or contact (If-Match required)")
  public Uni<RestResponse<ClientSnapshot>> update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull ClientDetails request) {
    return clients.updateDetails(id, ifMatch, request, caller.get()).map(ClientResource::ok);
  }

  @PUT
  @Path("/{id}/contract")
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "changeClientContract",
      summary = "Replace a client's contract terms (admins, If-Match required)")
  public Uni<RestResponse<ClientSnapshot>> changeContract(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull ContractTerms contract) {
    return clients.changeContract(id, ifMatch, contract, caller.get()).map(ClientResource::ok);
  }

  private static URI location(Client client) {
    return URI.create("/api/v1/clients/" + client.id);
  }

  private static RestResponse<ClientSnapshot> ok(Client client) {
    return ETags.ok(client.snapshot(), client.version);
  }
}
