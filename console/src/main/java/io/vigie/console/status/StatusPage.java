package io.vigie.console.status;

import io.vigie.console.api.ArticleView;
import io.vigie.console.api.PublicStatusView;
import io.vigie.console.api.PublicStatusView.Incident;
import io.vigie.console.api.PublicStatusView.Maintenance;
import io.vigie.console.api.PublicStatusView.Update;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The hoster's public status page at one instant, from what staff published on it (ticket-service's
 * public answer): per platform its availability day by day over 90 days and whether a current
 * incident or a running intervention concerns it; incidents in their public words with their
 * updates, current and resolved in the last 90 days; planned interventions of the next 30 days; the
 * public announcements of the last 90 days, newest first. Plain Java.
 *
 * @param available false when ticket-service could not be read (the page says so, and shows none)
 * @param availabilityKnown false when the platforms' availability could not be read (each platform
 *     says so instead of showing an empty history)
 */
public record StatusPage(
    Instant at,
    boolean available,
    List<ArticleView> notices,
    List<PlatformStatus> platforms,
    List<IncidentEntry> incidents,
    List<MaintenanceEntry> maintenance,
    boolean availabilityKnown) {

  static final Duration SHOWN_FOR = Duration.ofDays(90);

  /** Notices updated within this time are "current"; the others are the last 90 days' history. */
  static final Duration CURRENT_FOR = Duration.ofDays(3);

  /** Planned interventions shown ahead. */
  static final Duration AHEAD = Duration.ofDays(30);

  /**
   * A published platform as the page shows it.
   *
   * @param uptime null when its availability is not known (monitoring did not answer)
   * @param state {@code OPERATIONAL}, {@code INCIDENT} (a current incident names it) or {@code
   *     MAINTENANCE} (an intervention naming it runs now)
   */
  public record PlatformStatus(
      String slug, String name, String description, Uptime uptime, String state) {

    /** Whether there is a history to draw: availability read, and something measured. */
    public boolean measured() {
      return uptime != null && uptime.percent() != null;
    }
  }

  /** An incident with its platforms' names, for the page. */
  public record IncidentEntry(Incident incident, List<String> platformNames) {
    public String concerns() {
      return String.join(", ", platformNames);
    }

    public List<Update> updates() {
      return incident.updates() == null ? List.of() : incident.updates();
    }
  }

  /** A planned intervention with its platforms' names, for the page. */
  public record MaintenanceEntry(Maintenance maintenance, List<String> platformNames) {
    public String concerns() {
      return String.join(", ", platformNames);
    }

    public List<Update> updates() {
      return maintenance.updates() == null ? List.of() : maintenance.updates();
    }

    /** The newest public words about it. */
    public String text() {
      return updates().isEmpty() ? "" : updates().get(0).message();
    }
  }

  static StatusPage unavailable(Instant at) {
    return new StatusPage(at, false, List.of(), List.of(), List.of(), List.of(), false);
  }

  /**
   * The notices to show among those ticket-service answered: public, published, of the last 90
   * days. The services already answer only those; checking again costs nothing and keeps a mistake
   * elsewhere off a page the whole world reads.
   */
  static StatusPage of(List<ArticleView> articles, Instant at) {
    return new StatusPage(at, true, notices(articles, at), List.of(), List.of(), List.of(), true);
  }

  /**
   * The page from ticket-service's public answer and each platform's availability (by slug; a
   * platform missing from {@code uptimes} shows none, and {@code availabilityKnown} false says
   * monitoring did not answer).
   */
  static StatusPage of(
      PublicStatusView status, Map<String, Uptime> uptimes, boolean availabilityKnown, Instant at) {
    Map<String, String> names = new LinkedHashMap<>();
    List<PublicStatusView.Platform> platforms =
        orEmpty(status.platforms()).stream()
            .sorted(
                Comparator.comparingInt(PublicStatusView.Platform::displayOrder)
                    .thenComparing(PublicStatusView.Platform::name))
            .toList();
    platforms.forEach(p -> names.put(p.slug(), p.name()));
    Instant since = at.minus(SHOWN_FOR);
    List<IncidentEntry> incidents =
        orEmpty(status.incidents()).stream()
            .filter(i -> i.title() != null && !i.title().isBlank())
            .filter(i -> !i.resolved() || i.resolvedAt().isAfter(since))
            .sorted(Comparator.comparing(Incident::startedAt).reversed())
            .map(i -> new IncidentEntry(i, namesOf(i.platforms(), names)))
            .toList();
    List<MaintenanceEntry> maintenance =
        orEmpty(status.maintenance()).stream()
            .filter(m -> m.title() != null && !m.title().isBlank())
            .sorted(Comparator.comparing(Maintenance::startsAt))
            .map(m -> new MaintenanceEntry(m, namesOf(m.platforms(), names)))
            .toList();
    List<PlatformStatus> shown = new ArrayList<>();
    for (PublicStatusView.Platform p : platforms) {
      String state = "OPERATIONAL";
      if (maintenance.stream()
          .anyMatch(
              m ->
                  running(m.maintenance(), at)
                      && orEmpty(m.maintenance().platforms()).contains(p.slug()))) {
        state = "MAINTENANCE";
      }
      if (incidents.stream()
          .anyMatch(
              i ->
                  !i.incident().resolved()
                      && orEmpty(i.incident().platforms()).contains(p.slug()))) {
        state = "INCIDENT";
      }
      shown.add(
          new PlatformStatus(p.slug(), p.name(), p.description(), uptimes.get(p.slug()), state));
    }
    List<ArticleView> articles =
        orEmpty(status.announcements()).stream()
            .map(
                a ->
                    new ArticleView(
                        a.id(),
                        "ANNOUNCEMENT",
                        "PUBLIC",
                        null,
                        "PUBLISHED",
                        a.language(),
                        a.title(),
                        a.html(),
                        a.publishedAt(),
                        a.updatedAt()))
            .toList();
    return new StatusPage(
        at, true, notices(articles, at), shown, incidents, maintenance, availabilityKnown);
  }

  private static List<ArticleView> notices(List<ArticleView> articles, Instant at) {
    Instant since = at.minus(SHOWN_FOR);
    return articles.stream()
        .filter(a -> "PUBLIC".equals(a.visibility()))
        .filter(a -> "PUBLISHED".equals(a.status()))
        .filter(a -> "ANNOUNCEMENT".equals(a.kind()))
        .filter(a -> lastChange(a) != null && lastChange(a).isAfter(since))
        .sorted(Comparator.comparing(StatusPage::lastChange).reversed())
        .toList();
  }

  static Instant lastChange(ArticleView article) {
    return article.updatedAt() != null ? article.updatedAt() : article.publishedAt();
  }

  static boolean running(Maintenance m, Instant at) {
    return !m.cancelled()
        && !"COMPLETED".equals(m.phase())
        && !m.startsAt().isAfter(at)
        && m.endsAt().isAfter(at);
  }

  public List<ArticleView> current() {
    Instant since = at.minus(CURRENT_FOR);
    return notices.stream().filter(n -> lastChange(n).isAfter(since)).toList();
  }

  public List<ArticleView> earlier() {
    Instant since = at.minus(CURRENT_FOR);
    return notices.stream().filter(n -> !lastChange(n).isAfter(since)).toList();
  }

  /** Incidents not resolved yet, newest first. */
  public List<IncidentEntry> currentIncidents() {
    return incidents.stream().filter(i -> !i.incident().resolved()).toList();
  }

  /** Incidents resolved in the last 90 days, newest first. */
  public List<IncidentEntry> pastIncidents() {
    return incidents.stream().filter(i -> i.incident().resolved()).toList();
  }

  /** Interventions running now or starting within 30 days, not cancelled, soonest first. */
  public List<MaintenanceEntry> upcoming() {
    Instant until = at.plus(AHEAD);
    return maintenance.stream()
        .filter(m -> !m.maintenance().cancelled())
        .filter(m -> !"COMPLETED".equals(m.maintenance().phase()))
        .filter(m -> m.maintenance().endsAt().isAfter(at))
        .filter(m -> m.maintenance().startsAt().isBefore(until))
        .toList();
  }

  /** When the feed last changed: the newest notice, incident or intervention, or 90 days ago. */
  public Instant updated() {
    return Stream.of(
            notices.stream().map(StatusPage::lastChange),
            incidents.stream().map(i -> i.incident().updatedAt()),
            maintenance.stream().map(m -> m.maintenance().updatedAt()))
        .flatMap(s -> s)
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .orElse(at.minus(SHOWN_FOR));
  }

  private static List<String> namesOf(List<String> slugs, Map<String, String> names) {
    return orEmpty(slugs).stream().filter(names::containsKey).map(names::get).toList();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
