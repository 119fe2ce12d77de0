package io.vigie.ticket.status;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.ticket.TicketType;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.sql.SqlErrors;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.web.ETags;
import io.vigie.ticket.intervention.Intervention;
import io.vigie.ticket.intervention.InterventionCalendar;
import io.vigie.ticket.intervention.InterventionEntry;
import io.vigie.ticket.inventory.KnownHostedService;
import io.vigie.ticket.inventory.KnownServer;
import io.vigie.ticket.knowledge.Article;
import io.vigie.ticket.knowledge.ArticleKind;
import io.vigie.ticket.knowledge.ArticleStatus;
import io.vigie.ticket.knowledge.ArticleVisibility;
import io.vigie.ticket.status.StatusViews.NewStatusNotice;
import io.vigie.ticket.status.StatusViews.NewStatusNoticeUpdate;
import io.vigie.ticket.status.StatusViews.NewStatusPlatform;
import io.vigie.ticket.status.StatusViews.PublicStatus;
import io.vigie.ticket.status.StatusViews.PublicStatusAnnouncement;
import io.vigie.ticket.status.StatusViews.StatusNoticeChange;
import io.vigie.ticket.status.StatusViews.StatusNoticeView;
import io.vigie.ticket.status.StatusViews.StatusPlatformChange;
import io.vigie.ticket.status.StatusViews.StatusPlatformView;
import io.vigie.ticket.tickets.Ticket;
import io.vigie.ticket.tickets.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The public status page: staff publish platforms, and incidents and planned interventions in
 * public words (a title, the platforms concerned, kept and timestamped updates), change them and
 * take them down, under If-Match; each publication, update and withdrawal is recorded on the
 * incident's timeline (an internal entry) or the intervention's history. The public answer reads
 * only these notices, the platforms and the public announcements: never a ticket's description,
 * comments, client or targets.
 */
@ApplicationScoped
public class StatusService {

  static final String PLATFORM = "Status platform";
  static final String NOTICE = "Status notice";
  static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?");

  private final InstantSource time;

  public StatusService(InstantSource time) {
    this.time = time;
  }

  // --- platforms

  @WithSession
  public Uni<List<StatusPlatformView>> platforms() {
    return StatusPlatform.<StatusPlatform>list("order by displayOrder, name, id")
        .map(list -> list.stream().map(StatusPlatformView::of).toList());
  }

  @WithSession
  public Uni<StatusPlatformView> platform(UUID id) {
    return platformEntity(id).map(StatusPlatformView::of);
  }

  /** Callers hold the transaction (the idempotency wrapper). */
  public Uni<StatusPlatformView> createPlatform(NewStatusPlatform r, Caller caller) {
    String slug = slug(r.slug());
    List<UUID> servers = distinct(r.serverIds());
    List<UUID> services = distinct(r.hostedServiceIds());
    Instant now = time.instant();
    return requireTargets(servers, services)
        .chain(() -> slugFree(slug, null))
        .chain(
            () -> {
              StatusPlatform p = new StatusPlatform();
              p.id = Uuids.timeOrdered();
              p.slug = slug;
              p.name = r.name().strip();
              p.description = blankToNull(r.description());
              p.displayOrder = r.displayOrder() == null ? 0 : r.displayOrder();
              p.serverIds = servers.toArray(UUID[]::new);
              p.hostedServiceIds = services.toArray(UUID[]::new);
              p.createdBy = caller.name();
              p.createdAt = now;
              p.updatedBy = caller.name();
              p.updatedAt = now;
              p.version = 1;
              return p.<StatusPlatform>persist()
                  .call(() -> Panache.flush())
                  .map(StatusPlatformView::of);
            })
        .onFailure(SqlErrors::isUniqueViolation)
        .transform(f -> ProblemException.conflict("The slug " + slug + " is taken"));
  }

  @WithTransaction
  public Uni<StatusPlatformView> changePlatform(
      UUID id, String ifMatch, StatusPlatformChange c, Caller caller) {
    return platformEntity(id)
        .chain(
            p -> {
              ETags.requireMatch(ifMatch, p.version);
              String slug = c.slug() == null ? p.slug : slug(c.slug());
              List<UUID> servers =
                  c.serverIds() == null ? List.of(p.serverIds) : distinct(c.serverIds());
              List<UUID> services =
                  c.hostedServiceIds() == null
                      ? List.of(p.hostedServiceIds)
                      : distinct(c.hostedServiceIds());
              return requireTargets(
                      c.serverIds() == null ? List.of() : servers,
                      c.hostedServiceIds() == null ? List.of() : services)
                  .chain(() -> slugFree(slug, p.id))
                  .map(
                      ignored -> {
                        p.slug = slug;
                        if (c.name() != null) {
                          p.name = requireText(c.name(), "name");
                        }
                        if (c.description() != null) {
                          p.description = blankToNull(c.description());
                        }
                        if (c.displayOrder() != null) {
                          p.displayOrder = c.displayOrder();
                        }
                        p.serverIds = servers.toArray(UUID[]::new);
                        p.hostedServiceIds = services.toArray(UUID[]::new);
                        p.updatedBy = caller.name();
                        p.updatedAt = time.instant();
                        p.version++;
                        return StatusPlatformView.of(p);
                      });
            });
  }

  /** Takes a platform off the page; notices naming it no longer show it. */
  @WithTransaction
  public Uni<Void> deletePlatform(UUID id, String ifMatch) {
    return platformEntity(id)
        .chain(
            p -> {
              ETags.requireMatch(ifMatch, p.version);
              return p.delete();
            });
  }

  // --- notices

  @WithSession
  public Uni<List<StatusNoticeView>> notices(boolean withdrawnToo) {
    String query =
        withdrawnToo
            ? "order by publishedAt desc, id"
            : "withdrawnAt is null order by publishedAt desc, id";
    return StatusNotice.<StatusNotice>find(query).page(0, 200).list().chain(this::views);
  }

  @WithSession
  public Uni<StatusNoticeView> notice(UUID id) {
    return noticeEntity(id).chain(this::view);
  }

  /** Callers hold the transaction (the idempotency wrapper). */
  public Uni<StatusNoticeView> publish(NewStatusNotice r, Caller caller) {
    if ((r.incidentId() == null) == (r.interventionId() == null)) {
      throw ProblemException.invalidField("incidentId", "give either incidentId or interventionId");
    }
    NoticeKind kind = r.incidentId() != null ? NoticeKind.INCIDENT : NoticeKind.MAINTENANCE;
    NoticePhase phase = r.phase() == null ? NoticePhase.first(kind) : r.phase();
    requireFits(phase, kind);
    String title = requireText(r.title(), "title");
    String message = requireText(r.message(), "message");
    List<UUID> platforms = distinct(r.platformIds());
    Instant now = time.instant();
    Uni<Void> subject =
        kind == NoticeKind.INCIDENT
            ? Ticket.<Ticket>findById(r.incidentId())
                .invoke(
                    t -> {
                      if (t == null || t.type != TicketType.INCIDENT) {
                        throw ProblemException.invalidField("incidentId", "no such incident");
                      }
                    })
                .replaceWithVoid()
            : Intervention.<Intervention>findById(r.interventionId())
                .invoke(
                    i -> {
                      if (i == null) {
                        throw ProblemException.invalidField(
                            "interventionId", "no such intervention");
                      }
                    })
                .replaceWithVoid();
    return subject
        .chain(() -> requirePlatforms(platforms))
        .chain(
            () ->
                StatusNotice.count(
                    (kind == NoticeKind.INCIDENT ? "ticketId" : "interventionId")
                        + " = ?1 and withdrawnAt is null",
                    kind == NoticeKind.INCIDENT ? r.incidentId() : r.interventionId()))
        .chain(
            live -> {
              if (live > 0) {
                throw ProblemException.conflict(
                    "It is on the status page already: add an update to its notice");
              }
              StatusNotice n = new StatusNotice();
              n.id = Uuids.timeOrdered();
              n.kind = kind;
              n.ticketId = r.incidentId();
              n.interventionId = r.interventionId();
              n.title = title;
              n.platformIds = platforms.toArray(UUID[]::new);
              n.phase = phase;
              n.publishedBy = caller.name();
              n.publishedAt = now;
              n.resolvedAt = phase.closes() ? now : null;
              n.updatedAt = now;
              n.version = 1;
              StatusNoticeUpdate first =
                  StatusNoticeUpdate.of(n.id, now, phase, message, caller.name());
              return n.persist()
                  .chain(() -> first.persist())
                  .chain(() -> Panache.flush())
                  .chain(
                      () ->
                          audit(
                              n,
                              now,
                              caller,
                              "Published on the status page as \"" + title + "\" (" + phase + ")"))
                  .chain(() -> view(n));
            })
        .onFailure(SqlErrors::isUniqueViolation)
        .transform(
            f ->
                ProblemException.conflict(
                    "It is on the status page already: add an update to its notice"));
  }

  @WithTransaction
  public Uni<StatusNoticeView> changeNotice(
      UUID id, String ifMatch, StatusNoticeChange c, Caller caller) {
    return liveNotice(id, ifMatch)
        .chain(
            n -> {
              List<UUID> platforms =
                  c.platformIds() == null ? List.of(n.platformIds) : distinct(c.platformIds());
              return requirePlatforms(c.platformIds() == null ? List.of() : platforms)
                  .chain(
                      () -> {
                        Instant now = time.instant();
                        if (c.title() != null) {
                          n.title = requireText(c.title(), "title");
                        }
                        n.platformIds = platforms.toArray(UUID[]::new);
                        n.updatedAt = now;
                        n.version++;
                        return audit(
                                n, now, caller, "Status page notice changed: \"" + n.title + "\"")
                            .chain(() -> view(n));
                      });
            });
  }

  @WithTransaction
  public Uni<StatusNoticeView> addUpdate(
      UUID id, String ifMatch, NewStatusNoticeUpdate u, Caller caller) {
    return liveNotice(id, ifMatch)
        .chain(
            n -> {
              requireFits(u.phase(), n.kind);
              String message = requireText(u.message(), "message");
              Instant now = time.instant();
              n.phase = u.phase();
              n.resolvedAt = u.phase().closes() ? now : null;
              n.updatedAt = now;
              n.version++;
              return StatusNoticeUpdate.of(n.id, now, u.phase(), message, caller.name())
                  .persist()
                  .chain(
                      () ->
                          audit(
                              n, now, caller, "Status page update (" + u.phase() + "): " + message))
                  .chain(() -> view(n));
            });
  }

  /** Takes a notice down: off the page and its feeds; kept, with its updates, for staff. */
  @WithTransaction
  public Uni<StatusNoticeView> withdraw(UUID id, String ifMatch, Caller caller) {
    return liveNotice(id, ifMatch)
        .chain(
            n -> {
              Instant now = time.instant();
              n.withdrawnAt = now;
              n.withdrawnBy = caller.name();
              n.updatedAt = now;
              n.version++;
              return audit(n, now, caller, "Taken down from the status page: \"" + n.title + "\"")
                  .chain(() -> view(n));
            });
  }

  // --- the public read path

  /** The page as anyone reads it (see {@link StatusBoard}). */
  @WithSession
  public Uni<PublicStatus> publicStatus() {
    return board().map(StatusBoard::publicStatus);
  }

  /** The page's incidents and interventions as an RFC 5545 calendar. */
  @WithSession
  public Uni<String> publicCalendar() {
    return board().map(b -> InterventionCalendar.render("Service status", b.calendarEvents()));
  }

  private Uni<StatusBoard> board() {
    Instant now = time.instant();
    Instant since = now.minus(StatusBoard.HISTORY);
    return StatusPlatform.<StatusPlatform>listAll()
        .chain(
            platforms ->
                StatusNotice.<StatusNotice>list(
                        "withdrawnAt is null and (resolvedAt is null or resolvedAt > ?1)", since)
                    .chain(
                        notices -> {
                          List<UUID> ids = notices.stream().map(n -> n.id).toList();
                          List<UUID> interventions =
                              notices.stream()
                                  .map(n -> n.interventionId)
                                  .filter(java.util.Objects::nonNull)
                                  .toList();
                          Uni<List<StatusNoticeUpdate>> updates =
                              ids.isEmpty()
                                  ? Uni.createFrom().item(List.of())
                                  : StatusNoticeUpdate.list("noticeId in ?1", ids);
                          Uni<List<Intervention>> windows =
                              interventions.isEmpty()
                                  ? Uni.createFrom().item(List.of())
                                  : Intervention.list("id in ?1", interventions);
                          return updates.chain(
                              u ->
                                  windows.chain(
                                      w ->
                                          announcements(since)
                                              .map(
                                                  a ->
                                                      new StatusBoard(
                                                          now,
                                                          platforms,
                                                          notices,
                                                          u,
                                                          w.stream()
                                                              .collect(
                                                                  Collectors.toMap(
                                                                      i -> i.id,
                                                                      StatusBoard.Window::of)),
                                                          a))));
                        }));
  }

  private static Uni<List<PublicStatusAnnouncement>> announcements(Instant since) {
    return Article.<Article>find(
            "kind = ?1 and visibility = ?2 and status = ?3 and updatedAt > ?4"
                + " order by updatedAt desc, id",
            ArticleKind.ANNOUNCEMENT,
            ArticleVisibility.PUBLIC,
            ArticleStatus.PUBLISHED,
            since)
        .page(0, 200)
        .list()
        .map(
            list ->
                list.stream()
                    .map(
                        a ->
                            new PublicStatusAnnouncement(
                                a.id,
                                a.title,
                                a.language.name(),
                                a.bodyHtml,
                                a.publishedAt,
                                a.updatedAt))
                    .toList());
  }

  // --- helpers

  private Uni<StatusPlatform> platformEntity(UUID id) {
    return StatusPlatform.<StatusPlatform>findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound(PLATFORM, id));
  }

  private Uni<StatusNotice> noticeEntity(UUID id) {
    return StatusNotice.<StatusNotice>findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound(NOTICE, id));
  }

  private Uni<StatusNotice> liveNotice(UUID id, String ifMatch) {
    return noticeEntity(id)
        .invoke(
            n -> {
              ETags.requireMatch(ifMatch, n.version);
              if (!n.live()) {
                throw ProblemException.conflict(
                    "This notice was taken down; publish the incident or intervention anew");
              }
            });
  }

  private Uni<StatusNoticeView> view(StatusNotice n) {
    return StatusNoticeUpdate.<StatusNoticeUpdate>list(
            "noticeId = ?1 order by at desc, id desc", n.id)
        .map(updates -> StatusNoticeView.of(n, updates));
  }

  private Uni<List<StatusNoticeView>> views(List<StatusNotice> notices) {
    if (notices.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return StatusNoticeUpdate.<StatusNoticeUpdate>list(
            "noticeId in ?1 order by at desc, id desc", notices.stream().map(n -> n.id).toList())
        .map(
            updates -> {
              Map<UUID, List<StatusNoticeUpdate>> byNotice = new HashMap<>();
              updates.forEach(
                  u -> byNotice.computeIfAbsent(u.noticeId, k -> new ArrayList<>()).add(u));
              return notices.stream()
                  .map(n -> StatusNoticeView.of(n, byNotice.getOrDefault(n.id, List.of())))
                  .toList();
            });
  }

  /** The publication's trace: an internal entry on the incident, an entry in the intervention's. */
  private static Uni<Void> audit(StatusNotice n, Instant at, Caller caller, String body) {
    if (n.kind == NoticeKind.INCIDENT) {
      return TimelineEntry.of(
              n.ticketId,
              at,
              TimelineEntry.Kind.STATUS_PAGE,
              TimelineEntry.Visibility.INTERNAL,
              caller.name(),
              body)
          .persist()
          .replaceWithVoid();
    }
    return InterventionEntry.of(
            n.interventionId, at, InterventionEntry.Kind.STATUS_PAGE, null, caller.name(), body)
        .persist()
        .replaceWithVoid();
  }

  private static Uni<Void> requirePlatforms(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return StatusPlatform.<StatusPlatform>list("id in ?1", ids)
        .invoke(
            found -> {
              Set<UUID> known = found.stream().map(p -> p.id).collect(Collectors.toSet());
              for (int i = 0; i < ids.size(); i++) {
                if (!known.contains(ids.get(i))) {
                  throw ProblemException.invalidField(
                      "platformIds[" + i + "]", "no such platform: " + ids.get(i));
                }
              }
            })
        .replaceWithVoid();
  }

  private static Uni<Void> requireTargets(List<UUID> servers, List<UUID> services) {
    Uni<Void> checkServers =
        servers.isEmpty()
            ? Uni.createFrom().voidItem()
            : KnownServer.<KnownServer>list("id in ?1", servers)
                .invoke(
                    found ->
                        requireAll(
                            servers,
                            found.stream().map(s -> s.id).collect(Collectors.toSet()),
                            "serverIds",
                            "no such server"))
                .replaceWithVoid();
    return checkServers.chain(
        () ->
            services.isEmpty()
                ? Uni.createFrom().voidItem()
                : KnownHostedService.<KnownHostedService>list("id in ?1", services)
                    .invoke(
                        found ->
                            requireAll(
                                services,
                                found.stream().map(s -> s.id).collect(Collectors.toSet()),
                                "hostedServiceIds",
                                "no such hosted service"))
                    .replaceWithVoid());
  }

  private static void requireAll(List<UUID> wanted, Set<UUID> known, String field, String why) {
    for (int i = 0; i < wanted.size(); i++) {
      if (!known.contains(wanted.get(i))) {
        throw ProblemException.invalidField(field + "[" + i + "]", why + ": " + wanted.get(i));
      }
    }
  }

  private static Uni<Void> slugFree(String slug, UUID self) {
    return StatusPlatform.<StatusPlatform>find("slug", slug)
        .firstResult()
        .invoke(
            other -> {
              if (other != null && !other.id.equals(self)) {
                throw ProblemException.conflict("The slug " + slug + " is taken");
              }
            })
        .replaceWithVoid();
  }

  private static String slug(String wanted) {
    String slug = wanted == null ? "" : wanted.strip();
    if (!SLUG.matcher(slug).matches()) {
      throw ProblemException.invalidField(
          "slug", "lower-case letters, digits and '-', 1 to 60, not starting or ending with '-'");
    }
    return slug;
  }

  private static void requireFits(NoticePhase phase, NoticeKind kind) {
    if (!phase.fits(kind)) {
      throw ProblemException.invalidField(
          "phase",
          kind == NoticeKind.INCIDENT
              ? "an incident is INVESTIGATING, IDENTIFIED, MONITORING or RESOLVED"
              : "a planned intervention is SCHEDULED, IN_PROGRESS or COMPLETED");
    }
  }

  private static String requireText(String text, String field) {
    if (text == null || text.isBlank()) {
      throw ProblemException.invalidField(field, "must not be blank");
    }
    return text.strip();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static List<UUID> distinct(List<UUID> ids) {
    return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
  }
}
