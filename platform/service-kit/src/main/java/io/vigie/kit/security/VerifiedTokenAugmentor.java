package io.vigie.kit.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers in the {@link TokenCache} what quarkus-oidc verified for a bearer token: its principal,
 * roles and credentials, nothing tied to the request that carried it.
 */
@ApplicationScoped
public class VerifiedTokenAugmentor implements SecurityIdentityAugmentor {

  private final TokenCache cache;

  public VerifiedTokenAugmentor(TokenCache cache) {
    this.cache = cache;
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (cache.enabled()
        && !identity.isAnonymous()
        && identity.getPrincipal() instanceof JsonWebToken jwt
        && jwt.getRawToken() != null
        && identity.getCredential(TokenCredential.class) != null) {
      cache
          .verified()
          .put(
              jwt.getRawToken(),
              QuarkusSecurityIdentity.builder()
                  .setPrincipal(jwt)
                  .addRoles(identity.getRoles())
                  .addCredentials(identity.getCredentials())
                  .addPermissionChecker(identity::checkPermission)
                  .build(),
              jwt.getExpirationTime() > 0 ? Instant.ofEpochSecond(jwt.getExpirationTime()) : null);
    }
    return Uni.createFrom().item(identity);
  }
}
