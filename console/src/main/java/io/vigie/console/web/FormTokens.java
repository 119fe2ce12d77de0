package io.vigie.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The anti-forgery token every form of the console carries (besides the session cookie's
 * SameSite=Lax): an HMAC-SHA256 of the person's sign-in session ({@code sid}, else their subject)
 * under a key every replica shares, so it needs no server-side state; another site cannot compute
 * it, and a form posted without it, or with another session's, changes nothing. The key is derived
 * from {@code vigie.console.form-secret}, else from the OIDC state secret, else from the client's
 * secret: all are the same on every replica.
 */
@ApplicationScoped
public class FormTokens {

  private final byte[] key;

  public FormTokens(
      @ConfigProperty(name = "vigie.console.form-secret") Optional<String> formSecret,
      @ConfigProperty(name = "quarkus.oidc.authentication.state-secret")
          Optional<String> stateSecret,
      @ConfigProperty(name = "quarkus.oidc.credentials.secret") Optional<String> clientSecret) {
    String secret =
        Stream.of(formSecret, stateSecret, clientSecret)
            .flatMap(Optional::stream)
            .filter(s -> !s.isBlank())
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "set vigie.console.form-secret: the forms' anti-forgery key, the same on"
                            + " every replica"));
    this.key = derive(secret);
  }

  /** The token of the forms of one sign-in session. */
  public String tokenFor(String session) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] tag = mac.doFinal(("vigie-console-form:" + session).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** Whether a posted token is this session's (compared in constant time). */
  public boolean matches(String session, String presented) {
    if (presented == null || presented.isBlank() || session == null) {
      return false;
    }
    return MessageDigest.isEqual(
        tokenFor(session).getBytes(StandardCharsets.US_ASCII),
        presented.strip().getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] derive(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(("vigie-console-forms/" + secret).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
