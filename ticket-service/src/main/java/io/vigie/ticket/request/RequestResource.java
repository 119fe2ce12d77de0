package io.vigie.ticket.request;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.Created;
import io.vigie.kit.web.IdempotencyKeys;
import io.vigie.ticket.request.RequestCatalogue.RequestCategory;
import io.vigie.ticket.request.RequestService.NewRequest;
import io.vigie.ticket.tickets.TicketViews.TicketView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Self-service requests: the catalogue of what a client may ask for, and opening a request from it.
 * The request is then read, commented and confirmed through {@code /api/v1/tickets}.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Requests", description = "Self-service requests with their handling time")
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class RequestResource {

  private final RequestService requests;
  private final IdempotencyKeys idempotency;
  private final CurrentCaller caller;

  public RequestResource(
      RequestService requests, IdempotencyKeys idempotency, CurrentCaller caller) {
    this.requests = requests;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @GET
  @Path("/request-categories")
  @Operation(
      operationId = "listRequestCategories",
      summary = "What a client may request, each with the support time it is handled within")
  public List<RequestCategory> categories() {
    return requests.categories();
  }

  @POST
  @Path("/requests")
  @Operation(
      operationId = "openRequest",
      summary =
          "Open a self-service request from the catalogue (a REQUEST ticket whose resolution clock"
              + " is the category's handling time); honours Idempotency-Key")
  public Uni<RestResponse<TicketView>> open(
      @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull NewRequest request) {
    return idempotency.create(
        key,
        caller.get(),
        "POST /api/v1/requests",
        request,
        () ->
            requests
                .open(request, caller.get())
                .map(v -> new Created<>(URI.create("/api/v1/tickets/" + v.id()), v, v.version())));
  }
}
