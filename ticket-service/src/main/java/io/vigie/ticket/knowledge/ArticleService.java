package io.vigie.ticket.knowledge;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.DomainEvent;
import io.vigie.events.ticket.ArticlePublished;
import io.vigie.events.ticket.ArticleUpdated;
import io.vigie.events.ticket.TicketStatus;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.outbox.Outbox;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.web.ETags;
import io.vigie.ticket.inventory.KnownClient;
import io.vigie.ticket.knowledge.ArticleViews.ArticleChange;
import io.vigie.ticket.knowledge.ArticleViews.ArticleLinkRequest;
import io.vigie.ticket.knowledge.ArticleViews.ArticleRevisionView;
import io.vigie.ticket.knowledge.ArticleViews.ArticleView;
import io.vigie.ticket.knowledge.ArticleViews.NewArticle;
import io.vigie.ticket.report.IncidentReport;
import io.vigie.ticket.tickets.Ticket;
import io.vigie.ticket.tickets.TicketLink;
import io.vigie.ticket.tickets.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;

/**
 * The knowledge base: staff write articles, readers find the ones their visibility allows. Each
 * save bumps the version, keeps a revision (who, when, the note, the text and its diff from the
 * previous one) and, for a published article, records {@code ArticlePublished} or {@code
 * ArticleUpdated} in the outbox in the same transaction. A client reads only published articles
 * that are public or its own (visibility CLIENT, its tenant); anything else answers 404.
 */
@ApplicationScoped
public class ArticleService {

  static final String WHAT = "Article";

  /** Lists: most recently updated first, then by id. */
  static final Keyset RECENT_FIRST =
      Keyset.descending("updated_at", "timestamptz").then("id", "uuid");

  static final Keyset NEWEST_REVISION_FIRST = Keyset.descending("revision", "bigint");

  private final Outbox outbox;
  private final InstantSource time;
  private final Reads reads;
  private final ArticleLinks linksCheck;
  private final TicketService tickets;

  public ArticleService(
      Outbox outbox,
      InstantSource time,
      Reads reads,
      ArticleLinks linksCheck,
      TicketService tickets) {
    this.tickets = tickets;
    this.outbox = outbox;
    this.time = time;
    this.reads = reads;
    this.linksCheck = linksCheck;
  }

  /** List filters, as the resource receives them. */
  public record ListFilter(
      ArticleKind kind,
      ArticleVisibility visibility,
      ArticleStatus status,
      String tenant,
      String about,
      UUID sourceTicketId) {}

  /**
   * Restricts an article query to what {@code caller} reads: staff everything, a client the
   * published articles that are public or its own, anyone else nothing. {@code prefix} qualifies
   * the columns ({@code "a."} or empty).
   */
  static SqlQuery visibleTo(SqlQuery query, Caller caller, String prefix) {
    if (caller.isStaff()) {
      return query;
    }
    if (caller.isClient()) {
      return query.where(
          prefix
              + "status = 'PUBLISHED' and ("
              + prefix
              + "visibility = 'PUBLIC' or ("
              + prefix
              + "visibility = 'CLIENT' and "
              + prefix
              + "tenant = ?))",
          caller.tenant());
    }
    return query.where("false");
  }

  // --- writes (staff; the resource refuses anyone else)

  @WithTransaction
  public Uni<ArticleView> create(NewArticle request, Caller caller) {
    return create(request, null, caller);
  }

  /** Creates an article, drawn from {@code sourceTicketId} when not null; callers hold a tx. */
  Uni<ArticleView> create(NewArticle request, UUID sourceTicketId, Caller caller) {
    String tenant = blankToNull(request.tenant());
    List<ArticleLinkRequest> wanted = request.links() == null ? List.of() : request.links();
    return checkTenant(request.visibility(), tenant)
        .chain(() -> checkSlug(request.slug(), null))
        .chain(() -> linksCheck.resolve(wanted, request.visibility(), tenant))
        .chain(
            links -> {
              Instant now = time.instant();
              Article a = new Article();
              a.id = Uuids.timeOrdered();
              a.slug = request.slug();
              a.kind = request.kind();
              a.visibility = request.visibility();
              a.tenant = tenant;
              a.language = request.language() == null ? ArticleLanguage.FR : request.language();
              a.title = request.title().strip();
              a.body = request.body();
              a.bodyHtml = MarkdownRenderer.html(a.body);
              a.sourceTicketId = sourceTicketId;
              a.createdBy = caller.name();
              a.createdAt = now;
              a.updatedBy = caller.name();
              a.updatedAt = now;
              a.version = 1;
              boolean publish = Boolean.TRUE.equals(request.publish());
              a.status = publish ? ArticleStatus.PUBLISHED : ArticleStatus.DRAFT;
              a.publishedAt = publish ? now : null;
              links.forEach(l -> l.articleId = a.id);
              return a.<Article>persist()
                  .call(
                      () ->
                          links.isEmpty()
                              ? Uni.createFrom().voidItem()
                              : ArticleLink.persist(links))
                  .call(() -> revision(a, now, caller.name(), "Created", null).persist())
                  .call(() -> publish ? record(published(a, caller.name()), caller) : none())
                  .map(ignored -> ArticleView.of(a, links));
            });
  }

  @WithTransaction
  public Uni<ArticleView> change(UUID id, String ifMatch, ArticleChange change, Caller caller) {
    return Article.<Article>findById(id, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            a -> {
              if (a == null) {
                throw ProblemException.notFound(WHAT, id);
              }
              ETags.requireMatch(ifMatch, a.version);
              if (change.status() == ArticleStatus.DRAFT && a.status == ArticleStatus.PUBLISHED) {
                throw ProblemException.invalidField(
                    "status", "a published article does not go back to draft");
              }
              if (change.title() != null && change.title().isBlank()) {
                throw ProblemException.invalidField("title", "must not be blank");
              }
              ArticleVisibility visibility =
                  change.visibility() == null ? a.visibility : change.visibility();
              String tenant = change.tenant() == null ? a.tenant : blankToNull(change.tenant());
              Uni<List<ArticleLink>> links =
                  change.links() != null
                      ? linksCheck.resolve(change.links(), visibility, tenant)
                      : ArticleLink.<ArticleLink>list("articleId", a.id)
                          .call(
                              current ->
                                  // the kept links must still suit a new visibility or client
                                  linksCheck.resolve(
                                      current.stream()
                                          .map(l -> new ArticleLinkRequest(l.kind, l.target))
                                          .toList(),
                                      visibility,
                                      tenant));
              return checkTenant(visibility, tenant)
                  .chain(() -> checkSlug(change.slug(), a.id))
                  .chain(() -> links)
                  .chain(resolved -> apply(a, change, visibility, tenant, resolved, caller));
            });
  }

  private Uni<ArticleView> apply(
      Article a,
      ArticleChange change,
      ArticleVisibility visibility,
      String tenant,
      List<ArticleLink> links,
      Caller caller) {
    Instant now = time.instant();
    String previousBody = a.body;
    boolean wasPublished = a.status == ArticleStatus.PUBLISHED;
    if (change.kind() != null) {
      a.kind = change.kind();
    }
    if (change.slug() != null) {
      a.slug = change.slug();
    }
    a.visibility = visibility;
    a.tenant = tenant;
    if (change.language() != null) {
      a.language = change.language();
    }
    if (change.title() != null) {
      a.title = change.title().strip();
    }
    if (change.body() != null) {
      a.body = change.body();
      a.bodyHtml = MarkdownRenderer.html(a.body);
    }
    if (change.status() == ArticleStatus.PUBLISHED && !wasPublished) {
      a.status = ArticleStatus.PUBLISHED;
      a.publishedAt = now;
    }
    a.updatedBy = caller.name();
    a.updatedAt = now;
    a.version++;
    if (change.links() != null) {
      links.forEach(l -> l.articleId = a.id);
    }
    DomainEvent event =
        !wasPublished && a.status == ArticleStatus.PUBLISHED
            ? published(a, caller.name())
            : wasPublished ? updated(a, caller.name()) : null;
    String note = change.note() == null ? null : change.note().strip();
    Uni<Void> relink =
        change.links() == null
            ? none()
            : ArticleLink.delete("articleId", a.id)
                .chain(
                    () -> links.isEmpty() ? none() : ArticleLink.persist(links).replaceWithVoid());
    return relink
        .call(
            () ->
                revision(a, now, caller.name(), note, RevisionDiff.of(previousBody, a.body))
                    .persist())
        .call(() -> event == null ? none() : record(event, caller))
        .map(ignored -> ArticleView.of(a, links));
  }

  /**
   * Turns a resolved or closed ticket, or one whose post-incident report is published, into a draft
   * solution article (internal, about the ticket's client, its servers, VMs, hosted services and
   * alert), prefilled from the report's cause, solution and follow-ups; the article keeps the
   * ticket it came from ({@code sourceTicketId}). The engineer edits, then publishes it.
   */
  @WithTransaction
  public Uni<ArticleView> fromTicket(UUID ticketId, Caller caller) {
    return Ticket.<Ticket>findById(ticketId)
        .chain(
            t -> {
              if (t == null) {
                throw ProblemException.notFound("Ticket", ticketId);
              }
              return IncidentReport.<IncidentReport>find("ticketId", t.id)
                  .firstResult()
                  .chain(
                      report -> {
                        boolean done =
                            t.status == TicketStatus.RESOLVED || t.status == TicketStatus.CLOSED;
                        boolean published = report != null && report.publishedVersion != null;
                        if (!done && !published) {
                          throw ProblemException.conflict(
                              "Ticket "
                                  + t.reference
                                  + " is neither resolved nor reported: a solution is drawn from"
                                  + " a resolved ticket or a published post-incident report");
                        }
                        return TicketLink.<TicketLink>list("ticketId", t.id)
                            .chain(
                                links -> {
                                  List<ArticleLinkRequest> about =
                                      new java.util.ArrayList<>(
                                          links.stream()
                                              .map(SolutionDraft::about)
                                              .filter(java.util.Objects::nonNull)
                                              .toList());
                                  if (t.tenant != null) {
                                    about.add(
                                        new ArticleLinkRequest(ArticleLink.Kind.CLIENT, t.tenant));
                                  }
                                  if (t.alertFingerprint != null) {
                                    about.add(
                                        new ArticleLinkRequest(
                                            ArticleLink.Kind.ALERT_FINGERPRINT,
                                            t.alertFingerprint));
                                  }
                                  NewArticle draft =
                                      new NewArticle(
                                          ArticleKind.SOLUTION,
                                          ArticleVisibility.INTERNAL,
                                          t.tenant,
                                          ArticleLanguage.FR,
                                          SolutionDraft.title(t.title),
                                          SolutionDraft.body(
                                              t.reference,
                                              t.description,
                                              report == null ? null : report.cause,
                                              report == null ? null : report.solution,
                                              report == null
                                                  ? List.of()
                                                  : List.of(report.followUps)),
                                          false,
                                          about.stream().distinct().toList(),
                                          null);
                                  return create(draft, t.id, caller);
                                });
                      });
            });
  }

  // --- reads

  /** One article as the caller may read it; 404 when it may not. */
  public Uni<ArticleView> find(UUID id, Caller caller) {
    SqlQuery query = SqlQuery.select("doc", "article_document").where("id = ?", id);
    return reads.found(visibleTo(query, caller, ""), ArticleView.class, WHAT, id);
  }

  /** A page of articles, most recently updated first. */
  public Uni<Listing<ArticleView>> list(ListFilter f, PageRequest page, Caller caller) {
    SqlQuery query =
        SqlQuery.select("doc", "article_document")
            .where("kind = ?", f.kind())
            .where("visibility = ?", f.visibility())
            .where("status = ?", f.status())
            .where("tenant = ?", f.tenant())
            .where("source_ticket_id = ?", f.sourceTicketId())
            .where(
                "id in (select l.article_id from article_link l where l.kind = split_part(?, ':',"
                    + " 1) and l.target = substr(?, strpos(?, ':') + 1))",
                f.about())
            .keyset(RECENT_FIRST);
    return reads.page(visibleTo(query, caller, ""), page);
  }

  /**
   * The published articles about a ticket (see {@code ticket_article_ids}), behind the ticket's
   * tenant wall and the articles' own.
   */
  public Uni<Listing<ArticleView>> forTicket(UUID ticketId, PageRequest page, Caller caller) {
    return tickets
        .find(ticketId, caller)
        .chain(
            ticket ->
                reads.page(
                    visibleTo(
                        SqlQuery.select("doc", "article_document")
                            .where("status = 'PUBLISHED'")
                            .where("id in (select ticket_article_ids(?))", ticketId)
                            .keyset(RECENT_FIRST),
                        caller,
                        ""),
                    page));
  }

  /** An article's revisions, newest first (staff). */
  public Uni<Listing<ArticleRevisionView>> revisions(UUID id, PageRequest page, Caller caller) {
    return find(id, caller)
        .chain(
            found ->
                reads.page(
                    SqlQuery.select("doc", "article_revision_document")
                        .where("article_id = ?", id)
                        .keyset(NEWEST_REVISION_FIRST),
                    page));
  }

  // --- helpers

  private static Uni<Void> checkTenant(ArticleVisibility visibility, String tenant) {
    if (tenant == null) {
      if (visibility == ArticleVisibility.CLIENT) {
        throw ProblemException.invalidField("tenant", "an article for a client names the client");
      }
      return none();
    }
    return KnownClient.byCode(tenant)
        .map(
            client -> {
              if (client == null) {
                throw ProblemException.invalidField("tenant", "no such client: " + tenant);
              }
              return null;
            });
  }

  /** A slug is unique and never shaped like an id (kb:<slug or id> must name one article). */
  private static Uni<Void> checkSlug(String slug, UUID self) {
    if (slug == null) {
      return none();
    }
    if (slug.length() == 36 && slug.matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}")) {
      throw ProblemException.invalidField("slug", "must not be shaped like an article id");
    }
    return Article.<Article>find("slug", slug)
        .firstResult()
        .map(
            taken -> {
              if (taken != null && !taken.id.equals(self)) {
                throw ProblemException.conflict(
                    "slug " + slug + " is taken by article " + taken.id + ": choose another");
              }
              return null;
            });
  }

  private static ArticleRevision revision(
      Article a, Instant at, String author, String note, String diff) {
    ArticleRevision r = new ArticleRevision();
    r.articleId = a.id;
    r.revision = a.version;
    r.at = at;
    r.author = author;
    r.note = note;
    r.title = a.title;
    r.body = a.body;
    r.diff = diff;
    return r;
  }

  private static ArticlePublished published(Article a, String actor) {
    return new ArticlePublished(
        a.id, a.kind.name(), a.visibility.name(), clientOf(a), a.version, actor, a.publishedAt);
  }

  private static ArticleUpdated updated(Article a, String actor) {
    return new ArticleUpdated(
        a.id, a.kind.name(), a.visibility.name(), clientOf(a), a.version, actor, a.updatedAt);
  }

  /** The envelope's client: only the one that reads the article. */
  private static String clientOf(Article a) {
    return a.visibility == ArticleVisibility.CLIENT ? a.tenant : null;
  }

  private Uni<Void> record(DomainEvent event, Caller caller) {
    return outbox.record(event, caller.name());
  }

  private static Uni<Void> none() {
    return Uni.createFrom().voidItem();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
