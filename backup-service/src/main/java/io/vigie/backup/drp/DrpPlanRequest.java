package io.vigie.backup.drp;

import io.vigie.backup.policy.PolicyRequest.Target;
import io.vigie.events.backup.DrpStepKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A DRP plan to create or replace.
 *
 * @param productionServerId the client's server traffic leaves on failover
 * @param recoveryServerId the server the client is restored on, in another datacenter
 * @param targets what runs in production and is brought over (servers, VMs, hosted services)
 * @param steps the failover steps in order; the return is derived from them ({@link DrpScript})
 */
public record DrpPlanRequest(
    @NotBlank @Size(max = 100) String name,
    @NotBlank @Size(max = 63) @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String tenant,
    @NotNull UUID productionServerId,
    @NotNull UUID recoveryServerId,
    @Size(max = 50) List<@NotNull @Valid Target> targets,
    @NotEmpty @Size(max = 50) List<@NotNull @Valid Step> steps) {

  /**
   * @param failoverAddresses for a DNS switch, what the records point at on failover; the recovery
   *     server's public addresses when left out
   * @param productionAddresses for a DNS switch, what they point back at on the return; the
   *     production server's public addresses when left out
   */
  public record Step(
      @NotNull DrpStepKind kind,
      @NotBlank @Size(max = 200) String name,
      @NotNull Duration estimated,
      @Size(max = 16) List<@NotNull @Size(max = 45) String> failoverAddresses,
      @Size(max = 16) List<@NotNull @Size(max = 45) String> productionAddresses) {}
}
