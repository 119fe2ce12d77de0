package io.vigie.monitoring.maintenance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A maintenance window to declare: the servers and/or hosted services it covers (at least one), its
 * first occurrence, and optionally how it recurs.
 *
 * @param rrule iCalendar RRULE such as {@code FREQ=WEEKLY;BYDAY=TU;COUNT=10}; null for a one-off
 * @param timeZone IANA id whose wall time the occurrences follow; UTC when absent
 */
public record MaintenanceWindowRequest(
    @Size(max = 500) List<@NotNull UUID> serverIds,
    @Size(max = 500) List<@NotNull UUID> hostedServiceIds,
    @NotNull Instant startsAt,
    @NotNull Instant endsAt,
    @Size(max = 500) String rrule,
    @Size(max = 64) String timeZone,
    @NotBlank @Size(max = 1000) String reason) {}
