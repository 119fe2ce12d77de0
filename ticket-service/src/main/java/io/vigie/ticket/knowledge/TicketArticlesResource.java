package io.vigie.ticket.knowledge;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.ticket.knowledge.ArticleViews.ArticleView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the knowledge base knows about a ticket or incident: the published articles linked to its
 * servers, VMs, hosted services, client, alert or check. Staff see the internal ones too; a client
 * only its own and the public ones, and only on its own tickets (another's answers 404).
 */
@Path("/api/v1/tickets/{ticketId}/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Knowledge base")
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class TicketArticlesResource {

  private final ArticleService articles;
  private final CurrentCaller caller;

  public TicketArticlesResource(ArticleService articles, CurrentCaller caller) {
    this.articles = articles;
    this.caller = caller;
  }

  @GET
  @Operation(
      operationId = "listTicketArticles",
      summary =
          "The published articles about a ticket's targets, client, alert or check (runbooks"
              + " first in the on-call engineer's eyes: most recently updated first)")
  public Uni<Listing<ArticleView>> list(
      @PathParam("ticketId") UUID ticketId, @Valid @BeanParam PageRequest page) {
    return articles.forTicket(ticketId, page, caller.get());
  }
}
