package io.vigie.backup.storage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A repository's storage over a period: every measurement in it (after {@code from}, before {@code
 * to}), oldest first, and how much the repository grew between the last measurement before the
 * period (else the first in it) and the last one in it.
 *
 * @param startBytes the size the period starts from, null without any measurement up to its end
 * @param endBytes the last size measured in the period (or before it), null likewise
 * @param growthBytes endBytes − startBytes (negative when pruning freed more than backups added)
 */
public record StorageHistory(
    UUID repositoryId,
    String repositoryName,
    String tenant,
    String datacenterCode,
    Instant from,
    Instant to,
    Long startBytes,
    Long endBytes,
    Long growthBytes,
    List<StorageMeasurement> measurements) {}
