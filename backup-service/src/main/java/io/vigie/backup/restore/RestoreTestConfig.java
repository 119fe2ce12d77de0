package io.vigie.backup.restore;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Restore tests: when they are due by default, and how late one may be before it is overdue. */
@ConfigMapping(prefix = "vigie.restore-test")
public interface RestoreTestConfig {

  /** The schedule of a policy with none of its own, in the policy's time zone (Monday 05:00). */
  @WithDefault("0 5 * * 1")
  String schedule();

  /** A restore test not started this long after its due time is overdue. */
  @WithDefault("P1D")
  Duration grace();

  /** How often the watcher looks for overdue restore tests to publish ({@code off} in tests). */
  @WithDefault("15m")
  String watchInterval();

  /** How much of the agent's log a result keeps. */
  @WithDefault("20000")
  int maxLogChars();
}
