package io.vigie.backup.storage;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * What an agent posts after measuring a repository with {@code restic stats --json --mode
 * raw-data}.
 *
 * @param measuredAt when restic measured it; now when absent (not in the future)
 * @param mode the stats mode restic ran in; only {@code raw-data} measures what the repository
 *     holds (the other modes count what a restore would write)
 * @param stats restic's JSON, as printed
 */
public record StorageReport(
    Instant measuredAt,
    @Pattern(regexp = "raw-data", message = "must be raw-data (restic stats --mode raw-data)")
        String mode,
    @NotNull ResticStats stats) {}
