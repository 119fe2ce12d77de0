package io.vigie.ticket.request;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.ticket.TicketType;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import io.vigie.ticket.priority.Impact;
import io.vigie.ticket.priority.Urgency;
import io.vigie.ticket.request.RequestCatalogue.RequestCategory;
import io.vigie.ticket.tickets.TicketService;
import io.vigie.ticket.tickets.TicketViews.LinkRequest;
import io.vigie.ticket.tickets.TicketViews.OpenTicket;
import io.vigie.ticket.tickets.TicketViews.TicketView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Self-service requests: a client (or staff on its behalf) asks for something from the catalogue —
 * a new environment, an access, a DNS change — and the hoster handles it within the category's
 * time. The request is a {@code REQUEST} ticket with low impact whose resolution clock counts that
 * time in the client's support hours; from there it lives as every ticket does (public comments,
 * waiting for the client, the client's confirmation or reopening).
 */
@ApplicationScoped
public class RequestService {

  private final RequestCatalogue catalogue;
  private final TicketService tickets;

  public RequestService(RequestConfig config, TicketService tickets) {
    this.catalogue = RequestCatalogue.of(config);
    this.tickets = tickets;
  }

  /** A request from the catalogue; {@code tenant} is for staff opening it on a client's behalf. */
  public record NewRequest(
      @NotBlank @Size(max = 60) String category,
      @NotBlank @Size(max = 200) String title,
      @Size(max = 20_000) String description,
      Urgency urgency,
      @Size(max = 100) String tenant,
      @Size(max = 50) List<@NotNull @Valid LinkRequest> links) {}

  public List<RequestCategory> categories() {
    return catalogue.categories();
  }

  @WithTransaction
  public Uni<TicketView> open(NewRequest request, Caller caller) {
    RequestCategory category =
        catalogue
            .category(request.category())
            .orElseThrow(
                () ->
                    ProblemException.invalidField(
                        "category",
                        "no such request category: "
                            + request.category()
                            + "; one of "
                            + catalogue.codes()));
    OpenTicket ticket =
        new OpenTicket(
            TicketType.REQUEST,
            request.title(),
            request.description(),
            Impact.LOW,
            request.urgency() == null ? Urgency.MEDIUM : request.urgency(),
            request.tenant(),
            request.links());
    return tickets.open(ticket, caller, category.code(), category.handleWithin());
  }
}
