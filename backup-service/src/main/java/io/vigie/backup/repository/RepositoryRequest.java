package io.vigie.backup.repository;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A repository to register or replace.
 *
 * @param tenant the client it belongs to; absent for a repository the hoster shares
 * @param passwordRef where the password is kept (a vault path, an environment variable name);
 *     stored, never returned
 * @param capacityBytes what the repository's storage may hold, in bytes (the disk or the quota
 *     behind it): optional, positive; growth forecasts say when it is full
 */
public record RepositoryRequest(
    @NotBlank @Size(max = 100) String name,
    @NotNull RepositoryKind kind,
    @NotBlank @Size(max = 500) String location,
    @NotNull UUID datacenterId,
    @Size(max = 63) @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String tenant,
    @Size(max = 500) String passwordRef,
    @Positive Long capacityBytes) {}
