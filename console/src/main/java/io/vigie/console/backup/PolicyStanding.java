package io.vigie.console.backup;

import io.vigie.console.api.PolicyView;
import java.time.Instant;

/** A backup policy with its last good copy and where it stands against its RPO. */
public record PolicyStanding(PolicyView policy, Instant lastGoodCopy, RpoStanding standing) {}
