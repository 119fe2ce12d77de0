package io.vigie.monitoring.probe;

import java.time.Instant;
import java.util.UUID;

/** An active check as the API shows it; {@code version} is also its ETag. */
public record ActiveCheckView(
    UUID id,
    String name,
    CheckKind kind,
    UUID serverId,
    UUID hostedServiceId,
    int intervalSeconds,
    int timeoutSeconds,
    boolean enabled,
    ProbeSettings settings,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  static ActiveCheckView of(ActiveCheck c) {
    return new ActiveCheckView(
        c.id,
        c.name,
        c.kind,
        c.serverId,
        c.hostedServiceId,
        c.intervalSeconds,
        c.timeoutSeconds,
        c.enabled,
        c.settings,
        c.createdAt,
        c.updatedAt,
        c.version);
  }
}
