package io.vigie.ticket.oncall.paging;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.ticket.oncall.ContactMethod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Pages: what was sent to whom, and acknowledgement. Staff only (403 for a client token). */
@Path("/api/v1/on-call/pages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pages", description = "Pages of tickets that need a human, and their acknowledgement")
@RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class PageResource {

  private final PagingService paging;
  private final CurrentCaller caller;

  public PageResource(PagingService paging, CurrentCaller caller) {
    this.paging = paging;
    this.caller = caller;
  }

  /** One notification of a page; round and step count from 1. */
  public record PageNotificationView(
      String subject,
      String contact,
      ContactMethod.Kind kind,
      int round,
      int step,
      PageNotification.Status status,
      int attempts,
      Instant dueAt,
      Instant sentAt,
      String detail) {}

  /** A page with its notifications; round and step count from 1. */
  public record PageView(
      UUID id,
      UUID ticketId,
      String ticketReference,
      String tenant,
      String title,
      String priority,
      String reason,
      Instant deadline,
      UUID policyId,
      int round,
      int step,
      Instant nextStepAt,
      Page.Status status,
      Instant openedAt,
      Instant acknowledgedAt,
      String acknowledgedBy,
      Instant resolvedAt,
      String resolvedBy,
      String resolvedThrough,
      List<PageNotificationView> notifications) {

    static PageView of(Page p, List<PageNotification> ns) {
      return new PageView(
          p.id,
          p.ticketId,
          p.ticketReference,
          p.tenant,
          p.title,
          p.priority,
          p.reason,
          p.deadline,
          p.policyId,
          p.round + 1,
          p.step + 1,
          p.nextStepAt,
          p.status,
          p.openedAt,
          p.acknowledgedAt,
          p.acknowledgedBy,
          p.resolvedAt,
          p.resolvedBy,
          p.resolvedThrough,
          ns.stream()
              .map(
                  n ->
                      new PageNotificationView(
                          n.subject,
                          n.contact,
                          n.kind,
                          n.round + 1,
                          n.step + 1,
                          n.status,
                          n.attempts,
                          n.status == PageNotification.Status.PENDING ? n.dueAt : null,
                          n.sentAt,
                          n.detail))
              .toList());
    }
  }

  @GET
  @WithSession
  @Operation(
      operationId = "listPages",
      summary = "The pages of a ticket (ticket=), or the open and held ones, newest first")
  public Uni<RestResponse<List<PageView>>> list(@QueryParam("ticket") UUID ticket) {
    Uni<List<Page>> pages =
        ticket == null
            ? Page.<Page>list("status in ?1 order by openedAt desc", PagingService.LIVE)
            : Page.<Page>list("ticketId = ?1 order by openedAt desc", ticket);
    return pages
        .chain(
            ps -> {
              Uni<List<PageView>> views = Uni.createFrom().item(new java.util.ArrayList<>());
              for (Page p : ps) {
                views =
                    views.chain(
                        acc ->
                            notifications(p.id)
                                .map(
                                    ns -> {
                                      acc.add(PageView.of(p, ns));
                                      return acc;
                                    }));
              }
              return views;
            })
        .map(RestResponse::ok);
  }

  @GET
  @Path("/{id}")
  @WithSession
  @Operation(
      operationId = "getPage",
      summary = "A page and every notification it sent or will send")
  public Uni<RestResponse<PageView>> get(@PathParam("id") UUID id) {
    return Page.<Page>findById(id)
        .chain(
            p -> {
              if (p == null) {
                throw ProblemException.notFound("Page", id);
              }
              return notifications(id).map(ns -> RestResponse.ok(PageView.of(p, ns)));
            });
  }

  @POST
  @Path("/{id}/acknowledgement")
  @Operation(
      operationId = "acknowledgePage",
      summary =
          "Acknowledge a page: escalation stops and the ticket is acknowledged by the caller"
              + " (409 when no longer open)")
  public Uni<RestResponse<PageView>> acknowledge(@PathParam("id") UUID id) {
    return paging.acknowledge(id, caller.get().name(), "API").chain(p -> get(id));
  }

  @POST
  @Path("/{id}/resolution")
  @Operation(
      operationId = "resolvePage",
      summary =
          "Resolve the page's ticket as the caller: a page still escalating stops (acknowledged by"
              + " the caller), the ticket is resolved pending the client's confirmation (409 when"
              + " resolved or closed already)")
  public Uni<RestResponse<PageView>> resolve(@PathParam("id") UUID id) {
    return paging.resolve(id, caller.get().name(), "API").chain(p -> get(id));
  }

  static Uni<List<PageNotification>> notifications(UUID pageId) {
    return PageNotification.list("pageId = ?1 order by round, step, dueAt, subject", pageId);
  }
}
