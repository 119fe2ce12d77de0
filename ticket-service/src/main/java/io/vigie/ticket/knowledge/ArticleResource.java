package io.vigie.ticket.knowledge;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.Created;
import io.vigie.kit.web.ETags;
import io.vigie.kit.web.IdempotencyKeys;
import io.vigie.ticket.knowledge.ArticleSearch.ArticleHit;
import io.vigie.ticket.knowledge.ArticleViews.ArticleChange;
import io.vigie.ticket.knowledge.ArticleViews.ArticleRevisionView;
import io.vigie.ticket.knowledge.ArticleViews.ArticleView;
import io.vigie.ticket.knowledge.ArticleViews.NewArticle;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

/**
 * The knowledge base: staff write runbooks, platform documentation, solutions and announcements;
 * clients read the published ones that are public or their own.
 */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Knowledge base",
    description = "Runbooks, client platform documentation, solutions and announcements")
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class ArticleResource {

  static final String PATH = "/api/v1/articles";

  private final ArticleService articles;
  private final ArticleSearch search;
  private final IdempotencyKeys idempotency;
  private final CurrentCaller caller;

  public ArticleResource(
      ArticleService articles,
      ArticleSearch search,
      IdempotencyKeys idempotency,
      CurrentCaller caller) {
    this.articles = articles;
    this.search = search;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @POST
  @RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "createArticle",
      summary =
          "Write an article in Markdown (staff); a draft unless publish is true; honours"
              + " Idempotency-Key")
  public Uni<RestResponse<ArticleView>> create(
      @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull NewArticle request) {
    return idempotency.create(
        key,
        caller.get(),
        "POST " + PATH,
        request,
        () ->
            articles
                .create(request, caller.get())
                .map(v -> new Created<>(URI.create(PATH + "/" + v.id()), v, v.version())));
  }

  @GET
  @Operation(
      operationId = "listArticles",
      summary =
          "List articles, most recently updated first; ?kind=, ?visibility=, ?status=, ?tenant=,"
              + " ?about=KIND:target (e.g. SERVER:<id>, CHECK:disk-root), ?sourceTicketId= narrow"
              + " it. A client lists the published public ones and its own.")
  public Uni<Listing<ArticleView>> list(
      @QueryParam("kind") ArticleKind kind,
      @QueryParam("visibility") ArticleVisibility visibility,
      @QueryParam("status") ArticleStatus status,
      @QueryParam("tenant") @Size(max = 100) String tenant,
      @QueryParam("about") @Size(max = 240) @Pattern(regexp = "[A-Z_]+:.+") String about,
      @QueryParam("sourceTicketId") UUID sourceTicketId,
      @Valid @BeanParam PageRequest page) {
    return articles.list(
        new ArticleService.ListFilter(kind, visibility, status, tenant, about, sourceTicketId),
        page,
        caller.get());
  }

  @POST
  @Path("/drafts/from-ticket/{ticketId}")
  @RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "draftSolutionFromTicket",
      summary =
          "Draft a solution article from a resolved ticket or a published post-incident report"
              + " (staff): prefilled from its cause, solution and follow-ups, internal, linked to"
              + " the ticket's targets and alert, keeping the ticket as its source")
  public Uni<RestResponse<ArticleView>> fromTicket(@PathParam("ticketId") UUID ticketId) {
    return articles
        .fromTicket(ticketId, caller.get())
        .map(v -> new Created<>(URI.create(PATH + "/" + v.id()), v, v.version()).response());
  }

  @GET
  @Path("/search")
  @Operation(
      operationId = "searchArticles",
      summary =
          "Full-text search (French and English, accents folded; words, \"phrases\", -excluded,"
              + " or), best match first, with a highlighted snippet; ?kind=, ?visibility=,"
              + " ?status=, ?tenant=, ?server= narrow it. A client finds only the published public"
              + " articles and its own.")
  public Uni<Listing<ArticleHit>> search(
      @QueryParam("q") @NotBlank @Size(max = 200) String q,
      @QueryParam("kind") ArticleKind kind,
      @QueryParam("visibility") ArticleVisibility visibility,
      @QueryParam("status") ArticleStatus status,
      @QueryParam("tenant") @Size(max = 100) String tenant,
      @QueryParam("server") UUID server,
      @Valid @BeanParam PageRequest page) {
    return search.search(
        new ArticleSearch.Filter(q.strip(), kind, visibility, status, tenant, server),
        page,
        caller.get());
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getArticle", summary = "Read an article (ETag = version)")
  public Uni<RestResponse<ArticleView>> get(@PathParam("id") UUID id) {
    return articles.find(id, caller.get()).map(v -> ETags.ok(v, v.version()));
  }

  @PATCH
  @Path("/{id}")
  @RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @Operation(
      operationId = "changeArticle",
      summary =
          "Change an article (staff): text, kind, visibility, client, links, or publish it;"
              + " If-Match required; kept as a revision with its note")
  public Uni<RestResponse<ArticleView>> change(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull ArticleChange change) {
    return articles.change(id, ifMatch, change, caller.get()).map(v -> ETags.ok(v, v.version()));
  }

  @GET
  @Path("/{id}/revisions")
  @RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listArticleRevisions",
      summary = "An article's revisions, newest first: who, when, the note, the text and the diff")
  public Uni<Listing<ArticleRevisionView>> revisions(
      @PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
    return articles.revisions(id, page, caller.get());
  }
}
