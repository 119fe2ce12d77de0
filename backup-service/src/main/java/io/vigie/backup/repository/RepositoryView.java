package io.vigie.backup.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * A repository as the API shows it: its password reference is never part of it.
 *
 * @param capacityBytes what its storage may hold, in bytes; null when not set
 */
public record RepositoryView(
    UUID id,
    String name,
    RepositoryKind kind,
    String location,
    UUID datacenterId,
    String datacenterCode,
    String tenant,
    boolean passwordConfigured,
    Long capacityBytes,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public static RepositoryView of(BackupRepository r) {
    return new RepositoryView(
        r.id,
        r.name,
        r.kind,
        r.location,
        r.datacenterId,
        r.datacenterCode,
        r.tenant,
        r.passwordRef != null && !r.passwordRef.isBlank(),
        r.capacityBytes,
        r.version,
        r.createdAt,
        r.updatedAt);
  }
}
