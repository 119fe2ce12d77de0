package io.vigie.ticket.status;

import io.vigie.ticket.intervention.Intervention;
import io.vigie.ticket.intervention.InterventionCalendar;
import io.vigie.ticket.intervention.InterventionStatus;
import io.vigie.ticket.status.StatusViews.PublicStatus;
import io.vigie.ticket.status.StatusViews.PublicStatusAnnouncement;
import io.vigie.ticket.status.StatusViews.PublicStatusIncident;
import io.vigie.ticket.status.StatusViews.PublicStatusMaintenance;
import io.vigie.ticket.status.StatusViews.PublicStatusPlatform;
import io.vigie.ticket.status.StatusViews.PublicStatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The public status page at one instant, from what staff published: live notices (not taken down)
 * of incidents still open or resolved in the last 90 days, of planned interventions whose window
 * ends after 90 days ago and starts within 30 days, their updates newest first, the platforms in
 * display order (a notice names the platforms that still exist, by slug), and public announcements
 * of the last 90 days. The same selection as an iCalendar: one event per incident (until its
 * resolution, or now while open) and per intervention (its window; ended early, it ends there;
 * cancelled, STATUS:CANCELLED). Only the notices' own words reach either. Plain Java.
 */
public final class StatusBoard {

  static final Duration HISTORY = Duration.ofDays(90);
  static final Duration AHEAD = Duration.ofDays(30);

  /** What the page needs of a published intervention. */
  public record Window(
      Instant startsAt,
      Instant endsAt,
      Instant endedAt,
      InterventionStatus status,
      int sequence,
      Instant updatedAt) {

    static Window of(Intervention i) {
      return new Window(i.startsAt, i.endsAt, i.endedAt, i.status, i.sequence, i.updatedAt);
    }

    /** Where it ends on the page: ended early, there. */
    Instant end() {
      return endedAt != null && endedAt.isBefore(endsAt) && endedAt.isAfter(startsAt)
          ? endedAt
          : endsAt;
    }
  }

  private final Instant now;
  private final List<StatusPlatform> platforms;
  private final Map<UUID, String> slugs = new HashMap<>();
  private final Map<UUID, Integer> order = new HashMap<>();
  private final List<StatusNotice> incidents = new ArrayList<>();
  private final List<StatusNotice> maintenance = new ArrayList<>();
  private final Map<UUID, List<StatusNoticeUpdate>> updates = new HashMap<>();
  private final Map<UUID, Window> windows;
  private final List<PublicStatusAnnouncement> announcements;

  public StatusBoard(
      Instant now,
      List<StatusPlatform> platforms,
      List<StatusNotice> notices,
      List<StatusNoticeUpdate> updates,
      Map<UUID, Window> windows,
      List<PublicStatusAnnouncement> announcements) {
    this.now = now;
    this.windows = windows;
    Instant since = now.minus(HISTORY);
    this.platforms =
        platforms.stream()
            .sorted(
                Comparator.<StatusPlatform>comparingInt(p -> p.displayOrder)
                    .thenComparing(p -> p.name))
            .toList();
    for (int i = 0; i < this.platforms.size(); i++) {
      slugs.put(this.platforms.get(i).id, this.platforms.get(i).slug);
      order.put(this.platforms.get(i).id, i);
    }
    for (StatusNotice n : notices) {
      if (!n.live()) {
        continue;
      }
      if (n.kind == NoticeKind.INCIDENT) {
        if (n.resolvedAt == null || n.resolvedAt.isAfter(since)) {
          incidents.add(n);
        }
      } else {
        Window w = n.interventionId == null ? null : windows.get(n.interventionId);
        if (w != null && w.end().isAfter(since) && w.startsAt().isBefore(now.plus(AHEAD))) {
          maintenance.add(n);
        }
      }
    }
    incidents.sort(Comparator.comparing((StatusNotice n) -> n.publishedAt).reversed());
    maintenance.sort(Comparator.comparing(n -> windows.get(n.interventionId).startsAt()));
    for (StatusNoticeUpdate u : updates) {
      this.updates.computeIfAbsent(u.noticeId, k -> new ArrayList<>()).add(u);
    }
    this.updates
        .values()
        .forEach(
            list ->
                list.sort(
                    Comparator.comparing((StatusNoticeUpdate u) -> u.at)
                        .thenComparing(u -> u.id)
                        .reversed()));
    this.announcements =
        announcements.stream()
            .filter(a -> lastChange(a) != null && lastChange(a).isAfter(since))
            .sorted(Comparator.comparing(StatusBoard::lastChange).reversed())
            .toList();
  }

  /** The page as JSON shows it. */
  public PublicStatus publicStatus() {
    return new PublicStatus(
        now,
        platforms.stream()
            .map(p -> new PublicStatusPlatform(p.id, p.slug, p.name, p.description, p.displayOrder))
            .toList(),
        incidents.stream()
            .map(
                n ->
                    new PublicStatusIncident(
                        n.id,
                        n.title,
                        platformsOf(n),
                        n.phase,
                        n.publishedAt,
                        n.resolvedAt,
                        n.updatedAt,
                        updatesOf(n)))
            .toList(),
        maintenance.stream()
            .map(
                n -> {
                  Window w = windows.get(n.interventionId);
                  return new PublicStatusMaintenance(
                      n.id,
                      n.title,
                      platformsOf(n),
                      phaseOf(n, w),
                      w.startsAt(),
                      w.end(),
                      w.status() == InterventionStatus.CANCELLED,
                      latest(n.updatedAt, w.updatedAt()),
                      updatesOf(n));
                })
            .toList(),
        announcements);
  }

  /** The same notices as calendar events: interventions first, then incidents. */
  public List<InterventionCalendar.Event> calendarEvents() {
    List<InterventionCalendar.Event> events = new ArrayList<>();
    for (StatusNotice n : maintenance) {
      Window w = windows.get(n.interventionId);
      events.add(
          new InterventionCalendar.Event(
              "status-" + n.id + "@vigie",
              "Maintenance:",
              n.title,
              text(n),
              w.startsAt(),
              w.end(),
              w.status() == InterventionStatus.CANCELLED,
              Math.toIntExact(w.sequence() + n.version),
              latest(n.updatedAt, w.updatedAt())));
    }
    for (StatusNotice n : incidents) {
      Instant end = n.resolvedAt;
      if (end == null) {
        // still open: it lasts until now, as far as anyone can say
        end = now.truncatedTo(ChronoUnit.MINUTES);
      }
      if (!end.isAfter(n.publishedAt)) {
        end = n.publishedAt.plus(Duration.ofMinutes(1));
      }
      events.add(
          new InterventionCalendar.Event(
              "status-" + n.id + "@vigie",
              "Incident:",
              n.title,
              text(n),
              n.publishedAt,
              end,
              false,
              Math.toIntExact(n.version),
              n.updatedAt));
    }
    return events;
  }

  /** The phase the page shows: the intervention's own progress unless staff closed the notice. */
  static NoticePhase phaseOf(StatusNotice n, Window w) {
    if (n.phase.closes()) {
      return n.phase;
    }
    return switch (w.status()) {
      case STARTED -> NoticePhase.IN_PROGRESS;
      case ENDED -> NoticePhase.COMPLETED;
      default -> n.phase;
    };
  }

  private List<String> platformsOf(StatusNotice n) {
    List<UUID> known = new ArrayList<>();
    for (UUID id : n.platformIds) {
      if (slugs.containsKey(id) && !known.contains(id)) {
        known.add(id);
      }
    }
    known.sort(Comparator.comparing(order::get));
    return known.stream().map(slugs::get).toList();
  }

  private List<PublicStatusUpdate> updatesOf(StatusNotice n) {
    return updates.getOrDefault(n.id, List.of()).stream()
        .map(u -> new PublicStatusUpdate(u.at, u.phase, u.message))
        .toList();
  }

  /** The calendar's description: the newest update's words. */
  private String text(StatusNotice n) {
    List<StatusNoticeUpdate> list = updates.getOrDefault(n.id, List.of());
    return list.isEmpty() ? n.title : list.get(0).message;
  }

  private static Instant latest(Instant a, Instant b) {
    return b == null || (a != null && a.isAfter(b)) ? Objects.requireNonNull(a) : b;
  }

  static Instant lastChange(PublicStatusAnnouncement a) {
    return a.updatedAt() != null ? a.updatedAt() : a.publishedAt();
  }
}
