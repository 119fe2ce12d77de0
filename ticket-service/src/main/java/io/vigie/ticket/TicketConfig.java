package io.vigie.ticket;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** ticket-service settings; every key has a default, production overrides from the environment. */
@ConfigMapping(prefix = "vigie.ticket")
public interface TicketConfig {

  /** How long after its resolution a ticket may be reopened. */
  @WithDefault("P7D")
  Duration reopenPeriod();

  /**
   * The same alert fingerprint firing again within this period after its incident was resolved
   * reopens that incident instead of opening another.
   */
  @WithDefault("P1D")
  Duration alertRepeatPeriod();

  /**
   * How often the clock watch evaluates the due clocks (a Quarkus scheduler period such as {@code
   * 30s}; {@code off} disables it).
   */
  @WithDefault("30s")
  String clockWatchEvery();

  /** What an AlertResolved does to the incidents it opened. */
  @WithDefault("ANNOTATE")
  AlertResolvedPolicy alertResolvedPolicy();

  /** ANNOTATE: a timeline entry only; RESOLVE: the entry, then resolved pending confirmation. */
  enum AlertResolvedPolicy {
    ANNOTATE,
    RESOLVE
  }
}
