package io.vigie.monitoring.maintenance;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A maintenance window as the API shows it; a client sees only its own targets in it. */
public record MaintenanceWindowView(
    UUID id,
    List<UUID> serverIds,
    List<UUID> hostedServiceIds,
    Instant startsAt,
    Instant endsAt,
    String rrule,
    String timeZone,
    String reason,
    MaintenanceSource source,
    String createdBy,
    Instant createdAt,
    boolean cancelled,
    Instant cancelledAt,
    String cancelledBy) {

  /** PostgreSQL's order of uuids (byte by byte), which the read path's documents use. */
  private static final Comparator<UUID> BY_TEXT = Comparator.comparing(UUID::toString);

  /** The view of {@code w} with its targets; {@code visible} non-null keeps only those ids. */
  static MaintenanceWindowView of(
      MaintenanceWindow w, List<MaintenanceTarget> targets, ClientTargets visible) {
    List<UUID> servers =
        targets.stream()
            .filter(t -> t.kind == MaintenanceTarget.Kind.SERVER)
            .map(t -> t.targetId)
            .filter(id -> visible == null || visible.servers().contains(id))
            .sorted(BY_TEXT)
            .toList();
    List<UUID> services =
        targets.stream()
            .filter(t -> t.kind == MaintenanceTarget.Kind.HOSTED_SERVICE)
            .map(t -> t.targetId)
            .filter(id -> visible == null || visible.hostedServices().contains(id))
            .sorted(BY_TEXT)
            .toList();
    return new MaintenanceWindowView(
        w.id,
        servers,
        services,
        w.startsAt,
        w.endsAt,
        w.rrule,
        w.timeZone,
        w.reason,
        w.source,
        w.createdBy,
        w.createdAt,
        w.cancelled,
        w.cancelledAt,
        w.cancelledBy);
  }
}
