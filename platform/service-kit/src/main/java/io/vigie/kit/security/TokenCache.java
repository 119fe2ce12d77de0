package io.vigie.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;

/**
 * The service's {@link VerifiedTokens}, shared by the provider that reads and the augmentor that
 * writes.
 */
@ApplicationScoped
public class TokenCache {

  private final TokenCacheConfig config;
  private final VerifiedTokens<SecurityIdentity> verified;

  public TokenCache(TokenCacheConfig config) {
    this.config = config;
    this.verified = new VerifiedTokens<>(InstantSource.system(), config.ttl(), config.maxSize());
  }

  boolean enabled() {
    return config.enabled();
  }

  /** Whether {@code token} is trusted again without being verified. */
  public boolean remembers(String token) {
    return verified.get(token) != null;
  }

  VerifiedTokens<SecurityIdentity> verified() {
    return verified;
  }
}
