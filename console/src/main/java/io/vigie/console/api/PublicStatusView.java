package io.vigie.console.api;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * ticket-service's public status answer ({@code GET /public/status}, no token), the fields the page
 * shows and nothing else: whatever else the answer held would not be read into these records, so it
 * could not reach the page.
 */
@ApiSchema(service = "ticket-service", schema = "PublicStatus")
public record PublicStatusView(
    Instant generatedAt,
    List<Platform> platforms,
    List<Incident> incidents,
    List<Maintenance> maintenance,
    List<Announcement> announcements) {

  /** A platform the hoster publishes. */
  @ApiSchema(service = "ticket-service", schema = "PublicStatusPlatform")
  public record Platform(UUID id, String slug, String name, String description, int displayOrder) {}

  /** One public update, as staff wrote it for the page. */
  @TemplateData
  @ApiSchema(service = "ticket-service", schema = "PublicStatusUpdate")
  public record Update(Instant at, String phase, String message) {}

  /** An incident in its public words; {@code platforms} are slugs. */
  @ApiSchema(service = "ticket-service", schema = "PublicStatusIncident")
  public record Incident(
      UUID id,
      String title,
      List<String> platforms,
      String phase,
      Instant startedAt,
      Instant resolvedAt,
      Instant updatedAt,
      List<Update> updates) {

    public boolean resolved() {
      return resolvedAt != null;
    }
  }

  /** A planned intervention in its public words, with its window. */
  @ApiSchema(service = "ticket-service", schema = "PublicStatusMaintenance")
  public record Maintenance(
      UUID id,
      String title,
      List<String> platforms,
      String phase,
      Instant startsAt,
      Instant endsAt,
      boolean cancelled,
      Instant updatedAt,
      List<Update> updates) {}

  /** A published public announcement (sanitised HTML from ticket-service). */
  @ApiSchema(service = "ticket-service", schema = "PublicStatusAnnouncement")
  public record Announcement(
      UUID id,
      String title,
      String language,
      String html,
      Instant publishedAt,
      Instant updatedAt) {}
}
