package io.vigie.console;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Builds the {@link Viewer} of the current request from its OIDC session. */
@RequestScoped
public class Viewers {

  private final SecurityIdentity identity;
  private final HttpHeaders headers;
  private final Clock clock;

  public Viewers(SecurityIdentity identity, HttpHeaders headers, Clock clock) {
    this.identity = identity;
    this.headers = headers;
    this.clock = clock;
  }

  public Viewer current() {
    AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
    if (token == null) {
      throw new IllegalStateException("no access token in the session: not signed in");
    }
    String username = identity.getPrincipal().getName();
    String displayName = username;
    String tenant = null;
    Instant expires = clock.instant().plusSeconds(300);
    if (identity.getPrincipal() instanceof JsonWebToken jwt) {
      tenant = text(jwt.getClaim("tenant"));
      String name = text(jwt.getClaim("name"));
      displayName = name == null || name.isBlank() ? username : name;
      String preferred = text(jwt.getClaim("preferred_username"));
      if (preferred != null) {
        username = preferred;
      }
    }
    Instant exp = AccessTokens.expiry(token.getToken());
    if (exp != null) {
      expires = exp;
    }
    return new Viewer(
        username,
        displayName,
        tenant,
        Set.copyOf(identity.getRoles()),
        token.getToken(),
        expires,
        Languages.choose(headers.getAcceptableLanguages()));
  }

  private static String text(Object claim) {
    if (claim == null) {
      return null;
    }
    return claim instanceof JsonString json ? json.getString() : claim.toString();
  }
}
