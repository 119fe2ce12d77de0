package io.vigie.backup.retention;

import java.time.Instant;

/** One restore point in a repository, as {@code restic snapshots --json} lists it. */
public record Snapshot(String id, Instant time) {}
