package io.vigie.monitoring.probe;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Active checks run by the service: {@code vigie.monitoring.probes.*}. */
@ConfigMapping(prefix = "vigie.monitoring.probes")
public interface ProbeConfig {

  /** Whether this replica runs checks at all (the API works either way). */
  @WithDefault("true")
  boolean enabled();

  /** The shortest interval a check may have. */
  @WithDefault("10s")
  Duration minInterval();

  /** How many runs may be in flight at once on this replica; the others wait their turn. */
  @WithDefault("500")
  int maxConcurrency();

  /** This replica's id in the membership table; a random one when unset. */
  Optional<String> replicaId();

  /** How often a replica says it is alive and reads who else is. */
  @WithDefault("3s")
  Duration heartbeatInterval();

  /** A replica not heard from for this long is taken as gone and its checks move. */
  @WithDefault("10s")
  Duration replicaTtl();

  /** How often the check definitions are compared with the database (changes made elsewhere). */
  @WithDefault("5s")
  Duration reloadInterval();

  /**
   * The largest random delay added to a run's planned instant (also capped at 5% of its interval).
   */
  @WithDefault("500ms")
  Duration maxJitter();

  /** The DNS server a DNS check asks when it names none, {@code host:port}. */
  @WithDefault("127.0.0.1:53")
  String defaultResolver();

  /** Results are recorded together at least this often. */
  @WithDefault("1s")
  Duration flushInterval();

  /** ... or as soon as this many are waiting. */
  @WithDefault("500")
  int batchSize();

  /** Results kept while the database refuses them; beyond this the oldest are dropped (counted). */
  @WithDefault("50000")
  int maxBufferedResults();

  /** The pause before retrying a batch the database did not take. */
  @WithDefault("2s")
  Duration retryBackoff();
}
