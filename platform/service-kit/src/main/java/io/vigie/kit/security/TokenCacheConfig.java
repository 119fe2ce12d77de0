package io.vigie.kit.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code vigie.security.token-cache}: how long a verified bearer token is trusted again. */
@ConfigMapping(prefix = "vigie.security.token-cache")
public interface TokenCacheConfig {

  /** Off: every request verifies its token's signature and claims. */
  @WithDefault("true")
  boolean enabled();

  /**
   * At most this long after a token was verified (and never past its own expiry): the time a
   * signing key removed from the realm is still honoured for tokens already seen.
   */
  @WithDefault("PT60S")
  Duration ttl();

  @WithDefault("10000")
  int maxSize();
}
