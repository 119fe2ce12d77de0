package io.vigie.testkit;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Real signed bearer tokens shaped like Keycloak's (realm roles under {@code realm_access.roles},
 * the client's tenant in a {@code tenant} claim). The service verifies them with quarkus-oidc
 * against this kit's public key instead of Keycloak's, which the devstack smoke test covers.
 */
public final class TestTokens {

  public static final String ISSUER = "https://vigie.test/realms/vigie";
  private static final KeyPair KEYS = generate();

  private TestTokens() {}

  public static String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
  }

  public static String token(String user, Set<String> roles, String tenant) {
    var claims =
        Jwt.issuer(ISSUER)
            .subject(user)
            .upn(user)
            .claim("preferred_username", user)
            .claim("realm_access", Map.of("roles", List.copyOf(roles)));
    if (tenant != null) {
      claims.claim("tenant", tenant);
    }
    return claims.expiresIn(3600).jws().keyId("vigie-test").sign(KEYS.getPrivate());
  }

  /** A client user of {@code tenant}. */
  public static String client(String tenant) {
    return token("client-of-" + tenant, Set.of("vigie-client"), tenant);
  }

  /**
   * An administrator of {@code tenant}'s account: Keycloak expands the composite role {@code
   * vigie-client-admin} into both roles.
   */
  public static String clientAdmin(String tenant) {
    return token("admin-of-" + tenant, Set.of("vigie-client", "vigie-client-admin"), tenant);
  }

  public static String support() {
    return token("support", Set.of("vigie-support"), null);
  }

  public static String engineer() {
    return token("engineer", Set.of("vigie-engineer"), null);
  }

  public static String admin() {
    return token("admin", Set.of("vigie-admin"), null);
  }

  /**
   * The console's service account as the realm issues it: only {@code vigie-status-reader}, the
   * public status page's reads, no tenant.
   */
  public static String statusReader() {
    return token("service-account-vigie-console", Set.of("vigie-status-reader"), null);
  }

  public static String agent() {
    return token("service-account-vigie-agent", Set.of("vigie-agent"), null);
  }

  /**
   * An agent whose token is bound to one host: the {@code vigie_host} claim, as a Keycloak client
   * per host with a hardcoded claim mapper issues it.
   */
  public static String agentOf(String host) {
    return Jwt.issuer(ISSUER)
        .subject("service-account-vigie-agent-" + host)
        .upn("service-account-vigie-agent-" + host)
        .claim("preferred_username", "service-account-vigie-agent-" + host)
        .claim("realm_access", Map.of("roles", List.of("vigie-agent")))
        .claim("vigie_host", host)
        .expiresIn(3600)
        .jws()
        .keyId("vigie-test")
        .sign(KEYS.getPrivate());
  }

  /** Signed by another key: must be refused like no token at all. */
  public static String forged(String user, Set<String> roles) {
    return Jwt.issuer(ISSUER)
        .subject(user)
        .claim("realm_access", Map.of("roles", List.copyOf(roles)))
        .expiresIn(3600)
        .jws()
        .sign(generate().getPrivate());
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
