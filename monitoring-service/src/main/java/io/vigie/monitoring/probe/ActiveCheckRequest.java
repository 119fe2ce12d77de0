package io.vigie.monitoring.probe;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * An active check as an operator declares or replaces it.
 *
 * @param intervalSeconds how often it runs; default 60, from the configured minimum to 3600
 * @param timeoutSeconds how long a run may take, less than the interval; default 10 (or less than a
 *     shorter interval)
 * @param enabled default true
 * @param settings the kind's settings, see {@link ProbeSettings}
 */
public record ActiveCheckRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull CheckKind kind,
    @NotNull UUID serverId,
    UUID hostedServiceId,
    Integer intervalSeconds,
    Integer timeoutSeconds,
    Boolean enabled,
    @NotNull ProbeSettings settings) {}
