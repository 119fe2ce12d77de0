package io.vigie.backup.rpo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A policy's promise at one moment: the age of its newest good point against the RPO, and of the
 * newest good copy in each datacenter that must hold one.
 *
 * @param newest the newest good point in any repository, or null when there is none
 * @param age how old it is, or, with no point yet, how long the policy has been waiting for one
 */
public record RpoVerdict(
    Duration rpo, Instant newest, Duration age, boolean breached, List<SiteVerdict> sites) {

  /** The newest copy in one required datacenter. */
  public record SiteVerdict(
      String datacenterCode, Duration maxAge, Instant newest, Duration age, boolean breached) {}

  /** True when the RPO or any datacenter's copy is too old. */
  public boolean anyBreach() {
    return breached || sites.stream().anyMatch(SiteVerdict::breached);
  }
}
