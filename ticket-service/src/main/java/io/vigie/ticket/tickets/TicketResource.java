package io.vigie.ticket.tickets;

import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.ticket.SupportLevel;
import io.vigie.events.ticket.TicketStatus;
import io.vigie.events.ticket.TicketType;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.Created;
import io.vigie.kit.web.ETags;
import io.vigie.kit.web.IdempotencyKeys;
import io.vigie.ticket.tickets.TicketViews.EntryView;
import io.vigie.ticket.tickets.TicketViews.NewComment;
import io.vigie.ticket.tickets.TicketViews.OpenTicket;
import io.vigie.ticket.tickets.TicketViews.TicketChange;
import io.vigie.ticket.tickets.TicketViews.TicketView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Tickets: clients read and open their own; staff read, open and work on every client's. */
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets", description = "Incidents, requests, changes and problems, with their clocks")
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class TicketResource {

  private final TicketService tickets;
  private final IdempotencyKeys idempotency;
  private final CurrentCaller caller;

  public TicketResource(TicketService tickets, IdempotencyKeys idempotency, CurrentCaller caller) {
    this.tickets = tickets;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @POST
  @Operation(operationId = "openTicket", summary = "Open a ticket; honours Idempotency-Key")
  public Uni<RestResponse<TicketView>> open(
      @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull OpenTicket request) {
    return idempotency.create(
        key,
        caller.get(),
        "POST /api/v1/tickets",
        request,
        () ->
            tickets
                .open(request, caller.get())
                .map(v -> new Created<>(URI.create("/api/v1/tickets/" + v.id()), v, v.version())));
  }

  @GET
  @Operation(
      operationId = "listTickets",
      summary =
          "List tickets, newest first; ?status=, ?type=, ?priority=, ?supportLevel=, ?tenant=,"
              + " ?assignee=, ?reference=, ?parentId= (staff), ?alert= (fingerprint), ?open= narrow it")
  public Uni<Listing<TicketView>> list(
      @QueryParam("status") TicketStatus status,
      @QueryParam("type") TicketType type,
      @QueryParam("priority") Priority priority,
      @QueryParam("supportLevel") SupportLevel supportLevel,
      @QueryParam("tenant") @Size(max = 100) String tenant,
      @QueryParam("assignee") @Size(max = 200) String assignee,
      @QueryParam("reference") @Size(max = 40) String reference,
      @QueryParam("parentId") UUID parentId,
      @QueryParam("alert") @Size(max = 200) String alert,
      @QueryParam("open") Boolean open,
      @Valid @BeanParam PageRequest page) {
    return tickets.list(
        new TicketService.ListFilter(
            status,
            type,
            priority,
            supportLevel,
            tenant,
            assignee,
            reference,
            parentId,
            alert,
            open),
        page,
        caller.get());
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getTicket", summary = "Read a ticket (ETag = version)")
  public Uni<RestResponse<TicketView>> get(@PathParam("id") UUID id) {
    return tickets.find(id, caller.get()).map(v -> ETags.ok(v, v.version()));
  }

  @PATCH
  @Path("/{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @Operation(
      operationId = "changeTicket",
      summary =
          "Change a ticket (status, impact and urgency, support level with a reason, assignee,"
              + " title, description); If-Match required. A client may only change the status.")
  public Uni<RestResponse<TicketView>> change(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull TicketChange change) {
    return tickets.change(id, ifMatch, change, caller.get()).map(v -> ETags.ok(v, v.version()));
  }

  @POST
  @Path("/{id}/comments")
  @Operation(
      operationId = "commentTicket",
      summary =
          "Comment: PUBLIC (the client reads it) or INTERNAL (staff only). A staff public comment"
              + " stops the GTI clock; a client's comment answers a ticket waiting for it.")
  public Uni<RestResponse<EntryView>> comment(
      @PathParam("id") UUID id, @Valid @NotNull NewComment comment) {
    return tickets
        .comment(id, comment, caller.get())
        .map(
            entry ->
                RestResponse.ResponseBuilder.<EntryView>created(
                        URI.create("/api/v1/tickets/" + id + "/timeline"))
                    .entity(entry)
                    .build());
  }

  @GET
  @Path("/{id}/timeline")
  @Operation(
      operationId = "getTicketTimeline",
      summary = "The ticket's timeline, oldest first; a client reads only the public entries")
  public Uni<Listing<EntryView>> timeline(
      @PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
    return tickets.timeline(id, page, caller.get());
  }
}
