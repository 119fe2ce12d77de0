package io.vigie.ticket.backup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How backup-service's events act on tickets. */
@ConfigMapping(prefix = "vigie.ticket.backup")
public interface BackupTicketConfig {

  /** What an RpoRestored does to the policy's open incidents. */
  @WithDefault("RESOLVE")
  RestoredPolicy rpoRestoredPolicy();

  /** ANNOTATE: a timeline entry only; RESOLVE: the entry, then resolved pending confirmation. */
  enum RestoredPolicy {
    ANNOTATE,
    RESOLVE
  }
}
