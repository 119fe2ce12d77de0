package io.vigie.console.backup;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a backup policy stands against its recovery point objective, from its last good copy: the
 * data lost if the server died now is the time since that copy. At risk in the last quarter of the
 * RPO (the next copy must succeed), breached past it. Plain Java, tested alone.
 */
public enum RpoStanding {
  /** No successful copy yet. */
  NO_GOOD_COPY,
  WITHIN,
  AT_RISK,
  BREACHED,
  /** The policy promises no RPO. */
  NONE;

  public static RpoStanding of(Duration rpo, Instant lastGoodCopy, Instant now) {
    if (rpo == null || rpo.isZero() || rpo.isNegative()) {
      return NONE;
    }
    if (lastGoodCopy == null) {
      return NO_GOOD_COPY;
    }
    Duration age = Duration.between(lastGoodCopy, now);
    if (age.compareTo(rpo) > 0) {
      return BREACHED;
    }
    return age.compareTo(rpo.minus(rpo.dividedBy(4))) >= 0 ? AT_RISK : WITHIN;
  }

  /** The CSS class and test hook of the standing: {@code within}, {@code at-risk}... */
  public String css() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
