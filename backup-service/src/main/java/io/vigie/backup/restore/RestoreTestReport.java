package io.vigie.backup.restore;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * What an agent posts after a restore test: which snapshot it restored from which repository, when,
 * and what the check found.
 *
 * @param filesChecked files restored and found equal to restic's listing (size) and verified
 *     ({@code restore --verify}: content against the repository's hashes)
 * @param reason why the test failed; required when {@code succeeded} is false
 * @param log the agent's output, cut beyond {@code vigie.restore-test.max-log-chars}
 */
public record RestoreTestReport(
    @NotNull UUID policyId,
    @NotNull UUID repositoryId,
    @NotNull @Size(min = 8, max = 64) String snapshotId,
    Instant snapshotTime,
    @NotNull Boolean succeeded,
    @NotNull Instant startedAt,
    @NotNull Instant finishedAt,
    @PositiveOrZero long filesChecked,
    @PositiveOrZero long bytesChecked,
    @Size(max = 2000) String reason,
    @Size(max = 1000000) String log) {}
