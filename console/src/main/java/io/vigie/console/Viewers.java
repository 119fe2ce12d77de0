package io.vigie.console;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vigie.console.web.FormTokenException;
import io.vigie.console.web.FormTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Builds the {@link Viewer} of the current request from its OIDC session. */
@RequestScoped
public class Viewers {

  static final String TIME_ZONE_COOKIE = "vigie-tz";

  private final SecurityIdentity identity;
  private final HttpHeaders headers;
  private final Clock clock;
  private final FormTokens forms;

  public Viewers(SecurityIdentity identity, HttpHeaders headers, Clock clock, FormTokens forms) {
    this.identity = identity;
    this.headers = headers;
    this.clock = clock;
    this.forms = forms;
  }

  /**
   * The viewer posting a form, once the form's anti-forgery token is found to be their session's;
   * otherwise a {@link FormTokenException} and nothing is done.
   */
  public Viewer posting(String formToken) {
    Viewer viewer = current();
    if (!forms.matches(session(), formToken)) {
      throw new FormTokenException();
    }
    return viewer;
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
        Languages.choose(headers.getAcceptableLanguages()),
        forms.tokenFor(session()));
  }

  /**
   * The viewer's time zone, as their browser's script remembered it (cookie {@code vigie-tz}), for
   * what the server draws itself; UTC until then, or for a zone this JVM does not know.
   */
  public ZoneId zone() {
    Cookie cookie = headers.getCookies().get(TIME_ZONE_COOKIE);
    return zone(cookie == null ? null : cookie.getValue());
  }

  static ZoneId zone(String cookie) {
    if (cookie == null || cookie.isBlank() || cookie.length() > 64) {
      return ZoneOffset.UTC;
    }
    try {
      String id = URLDecoder.decode(cookie, StandardCharsets.UTF_8);
      return ZoneId.getAvailableZoneIds().contains(id) ? ZoneId.of(id) : ZoneOffset.UTC;
    } catch (IllegalArgumentException malformed) {
      return ZoneOffset.UTC;
    }
  }

  /** The sign-in session: Keycloak's session id, else the person's subject. */
  private String session() {
    if (identity.getPrincipal() instanceof JsonWebToken jwt) {
      String sid = text(jwt.getClaim("sid"));
      if (sid != null && !sid.isBlank()) {
        return "sid:" + sid;
      }
      if (jwt.getSubject() != null) {
        return "sub:" + jwt.getSubject();
      }
    }
    return "name:" + identity.getPrincipal().getName();
  }

  private static String text(Object claim) {
    if (claim == null) {
      return null;
    }
    return claim instanceof JsonString json ? json.getString() : claim.toString();
  }
}
