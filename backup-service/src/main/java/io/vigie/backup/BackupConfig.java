package io.vigie.backup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "vigie.backup")
public interface BackupConfig {

  /** A scheduled run may start this late before it counts as overdue. */
  @WithDefault("PT30M")
  Duration startGrace();

  /** A started run with no finish after this long counts as failed (running too long). */
  @WithDefault("PT6H")
  Duration maxRunDuration();

  Ping ping();

  /** The Healthchecks-compatible ping endpoint. */
  interface Ping {
    /** A ping body (the run's output) is kept up to this many bytes and cut beyond. */
    @WithDefault("100000")
    int maxLogBytes();

    /** How much of a failed run's log its BackupFailed event carries. */
    @WithDefault("4000")
    int eventLogChars();
  }

  Watch watch();

  /** The watcher of overdue runs and RPOs. */
  interface Watch {
    /** How often every policy is checked ({@code off} disables the schedule, as in tests). */
    @WithDefault("1m")
    String interval();

    /**
     * How many policies one transaction of a pass judges: the bound on the reads, writes and the
     * in-memory judgement a batch holds the event loop for.
     */
    @WithDefault("500")
    int batchSize();
  }

  Coverage coverage();

  /** The coverage watcher: gaps between the contracts and the policies and plans. */
  interface Coverage {
    /** How often every client's coverage is compared ({@code off} disables the schedule). */
    @WithDefault("5m")
    String interval();
  }
}
