package io.vigie.backup.drp;

import io.vigie.events.backup.DrpStepKind;
import java.time.Duration;
import java.util.List;

/**
 * One step of a DRP plan as written. A {@code DNS_SWITCH} step holds the addresses the client's
 * records point at on failover (the recovery server's) and on the return (production's); other
 * kinds hold none.
 *
 * @param estimated how long the step is expected to take, for the client's RTO
 */
public record PlanStep(
    DrpStepKind kind,
    String name,
    Duration estimated,
    List<String> failoverAddresses,
    List<String> productionAddresses) {

  public PlanStep {
    failoverAddresses = failoverAddresses == null ? List.of() : List.copyOf(failoverAddresses);
    productionAddresses =
        productionAddresses == null ? List.of() : List.copyOf(productionAddresses);
  }
}
