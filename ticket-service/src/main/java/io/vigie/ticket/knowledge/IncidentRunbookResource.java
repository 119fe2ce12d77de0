package io.vigie.ticket.knowledge;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.ticket.knowledge.IncidentRunbooks.IncidentRunbook;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The runbook an incident's alert rule names: what the on-call engineer follows. Staff see the
 * rule, the reference and the article or URL; a client sees only an article it may read (its own or
 * a public one), on its own incident (another's answers 404).
 */
@Path("/api/v1/tickets/{ticketId}/runbook")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Knowledge base")
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class IncidentRunbookResource {

  private final IncidentRunbooks runbooks;
  private final CurrentCaller caller;

  public IncidentRunbookResource(IncidentRunbooks runbooks, CurrentCaller caller) {
    this.runbooks = runbooks;
    this.caller = caller;
  }

  @GET
  @Operation(
      operationId = "getTicketRunbook",
      summary =
          "The runbook named by the alert rule behind an incident (from AlertFired's rule and"
              + " runbook): a knowledge base article (kb:<slug or id>) or, for staff, a URL; every"
              + " field null when there is none the caller may read")
  public Uni<RestResponse<IncidentRunbook>> get(@PathParam("ticketId") UUID ticketId) {
    return runbooks.find(ticketId, caller.get()).map(RestResponse::ok);
  }
}
