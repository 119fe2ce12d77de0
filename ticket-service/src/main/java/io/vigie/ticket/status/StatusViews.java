package io.vigie.ticket.status;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the status page's API reads and writes: staff's side, then the public answer. */
public final class StatusViews {

  /** Limits of what staff write; longer is refused naming the field (400). */
  static final int MAX_TITLE = 200;

  static final int MAX_MESSAGE = 5_000;
  static final int MAX_PLATFORMS = 20;
  static final int MAX_TARGETS = 200;

  private StatusViews() {}

  // --- staff: platforms

  /** A platform to publish: its name, slug, place on the page and the targets it shows. */
  public record NewStatusPlatform(
      @NotBlank @Size(max = 80) String name,
      @NotBlank @Size(max = 60) String slug,
      @Size(max = 500) String description,
      Integer displayOrder,
      @Size(max = MAX_TARGETS) List<@NotNull UUID> serverIds,
      @Size(max = MAX_TARGETS) List<@NotNull UUID> hostedServiceIds) {}

  /** A change to a platform; absent fields stay. */
  public record StatusPlatformChange(
      @Size(min = 1, max = 80) String name,
      @Size(min = 1, max = 60) String slug,
      @Size(max = 500) String description,
      Integer displayOrder,
      @Size(max = MAX_TARGETS) List<@NotNull UUID> serverIds,
      @Size(max = MAX_TARGETS) List<@NotNull UUID> hostedServiceIds) {}

  public record StatusPlatformView(
      UUID id,
      String slug,
      String name,
      String description,
      int displayOrder,
      List<UUID> serverIds,
      List<UUID> hostedServiceIds,
      String updatedBy,
      Instant updatedAt,
      long version) {

    static StatusPlatformView of(StatusPlatform p) {
      return new StatusPlatformView(
          p.id,
          p.slug,
          p.name,
          p.description,
          p.displayOrder,
          List.of(p.serverIds),
          List.of(p.hostedServiceIds),
          p.updatedBy,
          p.updatedAt,
          p.version);
    }
  }

  // --- staff: notices

  /**
   * Publishes an incident ({@code incidentId}, a ticket of type INCIDENT) or a planned intervention
   * ({@code interventionId}) with a public title, the platforms it concerns and the first public
   * update ({@code message}, in {@code phase}).
   */
  public record NewStatusNotice(
      UUID incidentId,
      UUID interventionId,
      @NotBlank @Size(max = MAX_TITLE) String title,
      @NotNull @Size(min = 1, max = MAX_PLATFORMS) List<@NotNull UUID> platformIds,
      NoticePhase phase,
      @NotBlank @Size(max = MAX_MESSAGE) String message) {}

  /** A new public title or platforms; absent fields stay. */
  public record StatusNoticeChange(
      @Size(min = 1, max = MAX_TITLE) String title,
      @Size(min = 1, max = MAX_PLATFORMS) List<@NotNull UUID> platformIds) {}

  /** A public update: the notice's new phase and what the page says now. */
  public record NewStatusNoticeUpdate(
      @NotNull NoticePhase phase, @NotBlank @Size(max = MAX_MESSAGE) String message) {}

  public record StatusNoticeUpdateView(
      UUID id, Instant at, NoticePhase phase, String message, String author) {

    static StatusNoticeUpdateView of(StatusNoticeUpdate u) {
      return new StatusNoticeUpdateView(u.id, u.at, u.phase, u.message, u.author);
    }
  }

  /** A notice as staff read it: what the page shows, who published it, and whether it is live. */
  public record StatusNoticeView(
      UUID id,
      NoticeKind kind,
      UUID incidentId,
      UUID interventionId,
      String title,
      List<UUID> platformIds,
      NoticePhase phase,
      String publishedBy,
      Instant publishedAt,
      Instant resolvedAt,
      String withdrawnBy,
      Instant withdrawnAt,
      Instant updatedAt,
      List<StatusNoticeUpdateView> updates,
      long version) {

    static StatusNoticeView of(StatusNotice n, List<StatusNoticeUpdate> updates) {
      return new StatusNoticeView(
          n.id,
          n.kind,
          n.ticketId,
          n.interventionId,
          n.title,
          List.of(n.platformIds),
          n.phase,
          n.publishedBy,
          n.publishedAt,
          n.resolvedAt,
          n.withdrawnBy,
          n.withdrawnAt,
          n.updatedAt,
          updates.stream().map(StatusNoticeUpdateView::of).toList(),
          n.version);
    }
  }

  // --- the public answer: only what staff published, in the words they wrote for the page

  /**
   * The status page as anyone may read it: the platforms, incidents current and resolved in the
   * last 90 days, planned interventions (from 90 days back to 30 days ahead) and public
   * announcements of the last 90 days.
   */
  public record PublicStatus(
      Instant generatedAt,
      List<PublicStatusPlatform> platforms,
      List<PublicStatusIncident> incidents,
      List<PublicStatusMaintenance> maintenance,
      List<PublicStatusAnnouncement> announcements) {}

  public record PublicStatusPlatform(
      UUID id, String slug, String name, String description, int displayOrder) {}

  public record PublicStatusUpdate(Instant at, NoticePhase phase, String message) {}

  /** An incident in its public wording; {@code platforms} are slugs. */
  public record PublicStatusIncident(
      UUID id,
      String title,
      List<String> platforms,
      NoticePhase phase,
      Instant startedAt,
      Instant resolvedAt,
      Instant updatedAt,
      List<PublicStatusUpdate> updates) {}

  /** A planned intervention in its public wording: its window and where it stands. */
  public record PublicStatusMaintenance(
      UUID id,
      String title,
      List<String> platforms,
      NoticePhase phase,
      Instant startsAt,
      Instant endsAt,
      boolean cancelled,
      Instant updatedAt,
      List<PublicStatusUpdate> updates) {}

  /** A published public announcement of the knowledge base (sanitised HTML). */
  public record PublicStatusAnnouncement(
      UUID id,
      String title,
      String language,
      String html,
      Instant publishedAt,
      Instant updatedAt) {}
}
