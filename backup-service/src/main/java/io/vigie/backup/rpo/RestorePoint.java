package io.vigie.backup.rpo;

import java.time.Instant;

/** A good backup: when its data was taken, and the datacenter of the repository holding it. */
public record RestorePoint(Instant takenAt, String datacenterCode) {}
