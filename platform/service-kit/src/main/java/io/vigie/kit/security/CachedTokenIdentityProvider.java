package io.vigie.kit.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a bearer token quarkus-oidc already verified from the {@link TokenCache}; an unknown or
 * expired one goes on to quarkus-oidc (this provider answers nothing), and {@link
 * VerifiedTokenAugmentor} remembers what it verified. Revocation is no weaker than before: a JWT
 * verified locally is never checked against the realm either; a signing key removed from the realm
 * stops being honoured for tokens already seen after {@link TokenCacheConfig#ttl()}.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

  private final TokenCache cache;
  private final Counter hits;
  private final Counter misses;

  public CachedTokenIdentityProvider(TokenCache cache, MeterRegistry registry) {
    this.cache = cache;
    this.hits = registry.counter("vigie.security.token.cache", "result", "hit");
    this.misses = registry.counter("vigie.security.token.cache", "result", "miss");
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  /**
   * Before quarkus-oidc's provider, which keeps the default priority ({@code SYSTEM_FIRST + 1}):
   * the highest priority is asked first, and with equal priorities the order is undefined (it was
   * quarkus-oidc first, verifying the RSA signature of every request).
   */
  @Override
  public int priority() {
    return SYSTEM_FIRST + 1000;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    if (!cache.enabled() || request.getToken() == null) {
      return Uni.createFrom().nullItem();
    }
    SecurityIdentity known = cache.verified().get(request.getToken().getToken());
    (known == null ? misses : hits).increment();
    return Uni.createFrom().item(known);
  }
}
