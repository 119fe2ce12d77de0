package io.vigie.ticket.oncall;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How an outbound webhook delivery is signed, and how a receiver checks it (PROTOCOLS.md, the
 * scheme Stripe and GitHub users know): HMAC-SHA256 with the endpoint's secret over {@code
 * timestamp + "." + body}, the timestamp (Unix seconds) in {@value #TIMESTAMP} and {@code v1=<hex>}
 * in {@value #SIGNATURE}. A receiver refuses a timestamp further than the tolerance from its clock
 * and a signature it has already seen. Plain Java.
 */
public final class WebhookSignature {

  public static final String TIMESTAMP = "Vigie-Timestamp";
  public static final String SIGNATURE = "Vigie-Signature";
  public static final String DELIVERY = "Vigie-Delivery";
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private WebhookSignature() {}

  /** The {@value #SIGNATURE} header value for this body sent at {@code at}. */
  public static String sign(String secret, Instant at, String body) {
    return "v1=" + HexFormat.of().formatHex(hmac(secret, at.getEpochSecond() + "." + body));
  }

  /** What a receiver concludes from a delivery. */
  public enum Verdict {
    VALID,
    BAD_SIGNATURE,
    STALE,
    REPLAYED
  }

  /**
   * A receiver's check of one delivery: its headers, its raw body, the receiver's clock and the
   * signatures it has already accepted (the caller adds a valid one to them).
   */
  public static Verdict verify(
      String secret,
      String timestampHeader,
      String signatureHeader,
      String body,
      Instant now,
      Set<String> seen) {
    long seconds;
    try {
      seconds = Long.parseLong(timestampHeader == null ? "" : timestampHeader.strip());
    } catch (NumberFormatException e) {
      return Verdict.BAD_SIGNATURE;
    }
    Instant at = Instant.ofEpochSecond(seconds);
    String expected = sign(secret, at, body);
    if (signatureHeader == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            signatureHeader.strip().getBytes(StandardCharsets.US_ASCII))) {
      return Verdict.BAD_SIGNATURE;
    }
    if (Duration.between(at, now).abs().compareTo(TOLERANCE) > 0) {
      return Verdict.STALE;
    }
    return seen.contains(expected) ? Verdict.REPLAYED : Verdict.VALID;
  }

  static byte[] hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
