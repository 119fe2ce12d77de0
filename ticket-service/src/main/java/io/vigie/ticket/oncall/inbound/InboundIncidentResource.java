package io.vigie.ticket.oncall.inbound;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.ticket.oncall.inbound.InboundIncidentService.Action;
import io.vigie.ticket.oncall.inbound.InboundIncidentService.Result;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The generic webhook that opens incidents from a hoster's own tools. Integrations only: an agent
 * token ({@code vigie-agent}), bound to a client by its {@code tenant} claim or not bound at all;
 * staff and client tokens get 403.
 */
@Path("/api/v1/integrations/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inbound integrations", description = "Incidents opened by the hoster's own tools")
@RolesAllowed(Roles.AGENT)
public class InboundIncidentResource {

  private final InboundIncidentService inbound;
  private final CurrentCaller caller;

  public InboundIncidentResource(InboundIncidentService inbound, CurrentCaller caller) {
    this.inbound = inbound;
    this.caller = caller;
  }

  @POST
  @Operation(
      operationId = "receiveInboundIncident",
      summary =
          "Open (201), update or resolve (200) the incident of a dedup key; a client-bound"
              + " integration acts for its client only")
  public Uni<RestResponse<Result>> receive(@NotNull InboundIncident incident) {
    return inbound
        .receive(incident, caller.get())
        .map(
            r ->
                r.action() == Action.OPENED
                    ? RestResponse.ResponseBuilder.<Result>created(
                            URI.create("/api/v1/tickets/" + r.ticketId()))
                        .entity(r)
                        .build()
                    : RestResponse.ok(r));
  }

  @GET
  @Path("/{dedupKey}")
  @Operation(
      operationId = "getInboundIncident",
      summary = "The incident of a dedup key (client= for an integration not bound to a client)")
  public Uni<RestResponse<Result>> get(
      @PathParam("dedupKey") String dedupKey, @QueryParam("client") String client) {
    return inbound.find(dedupKey, client, caller.get()).map(RestResponse::ok);
  }
}
