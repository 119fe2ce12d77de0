package io.vigie.ticket.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.ticket.intervention.InterventionCalendar;
import io.vigie.ticket.intervention.InterventionStatus;
import io.vigie.ticket.status.StatusBoard.Window;
import io.vigie.ticket.status.StatusViews.PublicStatus;
import io.vigie.ticket.status.StatusViews.PublicStatusAnnouncement;
import io.vigie.ticket.status.StatusViews.PublicStatusIncident;
import io.vigie.ticket.status.StatusViews.PublicStatusMaintenance;
import io.vigie.ticket.status.StatusViews.PublicStatusPlatform;
import io.vigie.ticket.status.StatusViews.PublicStatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatusBoardTest {

  static final Instant NOW = Instant.parse("2034-03-02T08:00:00Z");

  final List<StatusPlatform> platforms = new ArrayList<>();
  final List<StatusNotice> notices = new ArrayList<>();
  final List<StatusNoticeUpdate> updates = new ArrayList<>();
  final Map<UUID, Window> windows = new HashMap<>();
  final List<PublicStatusAnnouncement> announcements = new ArrayList<>();

  StatusPlatform platform(String slug, int order) {
    StatusPlatform p = new StatusPlatform();
    p.id = UUID.randomUUID();
    p.slug = slug;
    p.name = "Platform " + slug;
    p.displayOrder = order;
    p.serverIds = new UUID[] {UUID.randomUUID()};
    platforms.add(p);
    return p;
  }

  StatusNotice incident(String title, Instant publishedAt, Instant resolvedAt, UUID... on) {
    StatusNotice n = notice(NoticeKind.INCIDENT, title, publishedAt, on);
    n.ticketId = UUID.randomUUID();
    n.resolvedAt = resolvedAt;
    n.phase = resolvedAt == null ? NoticePhase.INVESTIGATING : NoticePhase.RESOLVED;
    return n;
  }

  StatusNotice maintenance(String title, Window window, UUID... on) {
    StatusNotice n = notice(NoticeKind.MAINTENANCE, title, NOW.minus(Duration.ofDays(100)), on);
    n.interventionId = UUID.randomUUID();
    n.phase = NoticePhase.SCHEDULED;
    windows.put(n.interventionId, window);
    return n;
  }

  StatusNotice notice(NoticeKind kind, String title, Instant publishedAt, UUID... on) {
    StatusNotice n = new StatusNotice();
    n.id = UUID.randomUUID();
    n.kind = kind;
    n.title = title;
    n.platformIds = on;
    n.publishedBy = "engineer";
    n.publishedAt = publishedAt;
    n.updatedAt = publishedAt;
    n.version = 1;
    notices.add(n);
    return n;
  }

  void update(StatusNotice n, Instant at, NoticePhase phase, String message) {
    updates.add(StatusNoticeUpdate.of(n.id, at, phase, message, "engineer"));
  }

  static Window window(String starts, String ends, InterventionStatus status) {
    return new Window(
        Instant.parse(starts), Instant.parse(ends), null, status, 1, NOW.minusSeconds(60));
  }

  PublicStatus page() {
    return new StatusBoard(NOW, platforms, notices, updates, windows, announcements).publicStatus();
  }

  @Test
  void showsLiveIncidentsOpenOrResolvedInTheLastNinetyDaysNewestFirst() {
    UUID web = platform("web", 1).id;
    StatusNotice open = incident("Slow websites", NOW.minus(Duration.ofHours(1)), null, web);
    StatusNotice resolved =
        incident("Mail delays", NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(9)), web);
    incident("Too old", NOW.minus(Duration.ofDays(95)), NOW.minus(Duration.ofDays(91)), web);
    StatusNotice down = incident("Taken down", NOW.minus(Duration.ofHours(2)), null, web);
    down.withdrawnAt = NOW.minus(Duration.ofMinutes(30));

    assertThat(page().incidents())
        .extracting(PublicStatusIncident::title)
        .containsExactly("Slow websites", "Mail delays");
    assertThat(page().incidents().get(0).id()).isEqualTo(open.id);
    assertThat(page().incidents().get(1).resolvedAt()).isEqualTo(resolved.resolvedAt);
  }

  @Test
  void updatesAreNewestFirstAndPlatformsAreSlugsInDisplayOrderKnownOnly() {
    UUID mail = platform("mail", 2).id;
    UUID web = platform("web", 1).id;
    UUID deleted = UUID.randomUUID();
    StatusNotice n =
        incident("Slow websites", NOW.minus(Duration.ofHours(2)), null, mail, deleted, web);
    update(n, NOW.minus(Duration.ofHours(2)), NoticePhase.INVESTIGATING, "Investigating");
    update(n, NOW.minus(Duration.ofHours(1)), NoticePhase.IDENTIFIED, "Found a saturated pool");

    PublicStatus page = page();

    assertThat(page.platforms())
        .extracting(PublicStatusPlatform::slug)
        .containsExactly("web", "mail");
    PublicStatusIncident incident = page.incidents().get(0);
    assertThat(incident.platforms()).containsExactly("web", "mail");
    assertThat(incident.updates())
        .extracting(PublicStatusUpdate::message)
        .containsExactly("Found a saturated pool", "Investigating");
  }

  @Test
  void interventionsFromNinetyDaysBackToThirtyAheadWithTheirOwnProgress() {
    UUID web = platform("web", 1).id;
    maintenance(
        "Next week",
        window("2034-03-09T21:00:00Z", "2034-03-09T22:00:00Z", InterventionStatus.SCHEDULED),
        web);
    maintenance(
        "Too far ahead",
        window("2034-04-02T21:00:00Z", "2034-04-02T22:00:00Z", InterventionStatus.SCHEDULED),
        web);
    maintenance(
        "Running now",
        window("2034-03-02T07:30:00Z", "2034-03-02T09:00:00Z", InterventionStatus.STARTED),
        web);
    maintenance(
        "Ended early",
        new Window(
            Instant.parse("2034-02-20T21:00:00Z"),
            Instant.parse("2034-02-20T23:00:00Z"),
            Instant.parse("2034-02-20T21:40:00Z"),
            InterventionStatus.ENDED,
            4,
            Instant.parse("2034-02-20T21:40:00Z")),
        web);
    maintenance(
        "Cancelled",
        window("2034-03-05T21:00:00Z", "2034-03-05T22:00:00Z", InterventionStatus.CANCELLED),
        web);
    maintenance(
        "Long ago",
        window("2033-11-01T21:00:00Z", "2033-11-01T22:00:00Z", InterventionStatus.ENDED),
        web);

    List<PublicStatusMaintenance> shown = page().maintenance();

    assertThat(shown)
        .extracting(PublicStatusMaintenance::title)
        .containsExactly("Ended early", "Running now", "Cancelled", "Next week");
    assertThat(shown.get(0).endsAt()).isEqualTo(Instant.parse("2034-02-20T21:40:00Z"));
    assertThat(shown.get(0).phase()).isEqualTo(NoticePhase.COMPLETED);
    assertThat(shown.get(1).phase()).isEqualTo(NoticePhase.IN_PROGRESS);
    assertThat(shown.get(2).cancelled()).isTrue();
    assertThat(shown.get(3).phase()).isEqualTo(NoticePhase.SCHEDULED);
  }

  @Test
  void announcementsOfTheLastNinetyDaysNewestFirst() {
    announcements.add(announcement("Older", NOW.minus(Duration.ofDays(30))));
    announcements.add(announcement("Newest", NOW.minus(Duration.ofHours(3))));
    announcements.add(announcement("Too old", NOW.minus(Duration.ofDays(91))));

    assertThat(page().announcements())
        .extracting(PublicStatusAnnouncement::title)
        .containsExactly("Newest", "Older");
  }

  @Test
  void theCalendarHasTheWindowsAndTheIncidentsUntilResolvedOrNow() {
    UUID web = platform("web", 1).id;
    StatusNotice planned =
        maintenance(
            "Firmware",
            window("2034-03-09T21:00:00Z", "2034-03-09T22:00:00Z", InterventionStatus.CANCELLED),
            web);
    planned.version = 2;
    update(planned, NOW.minus(Duration.ofDays(1)), NoticePhase.SCHEDULED, "Up to 10 minutes");
    StatusNotice open = incident("Slow websites", Instant.parse("2034-03-02T07:12:00Z"), null, web);
    update(open, Instant.parse("2034-03-02T07:12:00Z"), NoticePhase.INVESTIGATING, "Looking");
    update(open, Instant.parse("2034-03-02T07:40:00Z"), NoticePhase.IDENTIFIED, "Found it");
    StatusNotice resolved =
        incident(
            "Mail delays",
            Instant.parse("2034-02-27T10:00:00Z"),
            Instant.parse("2034-02-27T11:30:00Z"),
            web);

    List<InterventionCalendar.Event> events =
        new StatusBoard(NOW, platforms, notices, updates, windows, announcements).calendarEvents();

    assertThat(events).hasSize(3);
    InterventionCalendar.Event maintenance = events.get(0);
    assertThat(maintenance.uid()).isEqualTo("status-" + planned.id + "@vigie");
    assertThat(maintenance.cancelled()).isTrue();
    assertThat(maintenance.sequence()).isEqualTo(3); // the intervention's 1 + the notice's 2
    assertThat(maintenance.text()).isEqualTo("Up to 10 minutes");
    InterventionCalendar.Event ongoing =
        events.stream().filter(e -> e.title().equals("Slow websites")).findFirst().orElseThrow();
    assertThat(ongoing.endsAt()).isEqualTo(NOW);
    assertThat(ongoing.text()).isEqualTo("Found it");
    InterventionCalendar.Event done =
        events.stream().filter(e -> e.title().equals("Mail delays")).findFirst().orElseThrow();
    assertThat(done.startsAt()).isEqualTo(resolved.publishedAt);
    assertThat(done.endsAt()).isEqualTo(resolved.resolvedAt);

    String ics = InterventionCalendar.render("Service status", events);
    assertThat(ics)
        .contains("SUMMARY:Maintenance: Firmware")
        .contains("SUMMARY:Incident: Slow websites")
        .contains("STATUS:CANCELLED")
        .contains("DTEND:20340227T113000Z");
  }

  @Test
  void phasesBelongToTheirKind() {
    assertThat(NoticePhase.MONITORING.fits(NoticeKind.INCIDENT)).isTrue();
    assertThat(NoticePhase.SCHEDULED.fits(NoticeKind.INCIDENT)).isFalse();
    assertThat(NoticePhase.IN_PROGRESS.fits(NoticeKind.MAINTENANCE)).isTrue();
    assertThat(NoticePhase.RESOLVED.fits(NoticeKind.MAINTENANCE)).isFalse();
    assertThat(NoticePhase.first(NoticeKind.INCIDENT)).isEqualTo(NoticePhase.INVESTIGATING);
    assertThat(NoticePhase.first(NoticeKind.MAINTENANCE)).isEqualTo(NoticePhase.SCHEDULED);
    assertThat(NoticePhase.RESOLVED.closes()).isTrue();
    assertThat(NoticePhase.COMPLETED.closes()).isTrue();
    assertThat(NoticePhase.MONITORING.closes()).isFalse();
  }

  static PublicStatusAnnouncement announcement(String title, Instant at) {
    return new PublicStatusAnnouncement(UUID.randomUUID(), title, "EN", "<p>x</p>", at, at);
  }
}
