package io.vigie.console.status;

import io.vigie.console.api.PublicStatusView.Announcement;
import io.vigie.console.api.PublicStatusView.Incident;
import io.vigie.console.api.PublicStatusView.Maintenance;
import io.vigie.console.api.PublicStatusView.Platform;
import io.vigie.console.api.PublicStatusView.Update;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Public status answers as ticket-service writes them, for the page's and the feed's tests. */
final class PublicStatusFixture {

  static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  private PublicStatusFixture() {}

  static Platform platform(String slug, String name, int order) {
    return new Platform(UUID.randomUUID(), slug, name, null, order);
  }

  static Incident incident(
      String title,
      Duration startedAgo,
      Duration resolvedAgo,
      List<String> platforms,
      Update... updates) {
    Instant started = NOW.minus(startedAgo);
    Instant resolved = resolvedAgo == null ? null : NOW.minus(resolvedAgo);
    return new Incident(
        UUID.randomUUID(),
        title,
        platforms,
        resolved == null ? "INVESTIGATING" : "RESOLVED",
        started,
        resolved,
        resolved == null ? started : resolved,
        List.of(updates));
  }

  static Maintenance maintenance(
      String title,
      Duration startsIn,
      Duration lasts,
      String phase,
      boolean cancelled,
      List<String> platforms) {
    Instant starts = NOW.plus(startsIn);
    return new Maintenance(
        UUID.randomUUID(),
        title,
        platforms,
        phase,
        starts,
        starts.plus(lasts),
        cancelled,
        NOW.minus(Duration.ofDays(2)),
        List.of(new Update(NOW.minus(Duration.ofDays(2)), phase, "Up to 10 minutes of downtime")));
  }

  static Update update(Duration ago, String phase, String message) {
    return new Update(NOW.minus(ago), phase, message);
  }

  static Announcement announcement(String title, Duration ago) {
    Instant at = NOW.minus(ago);
    return new Announcement(UUID.randomUUID(), title, "EN", "<p>" + title + "</p>", at, at);
  }
}
