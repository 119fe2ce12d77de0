package io.vigie.console;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the console needs from a JWT access token without verifying it (the services do). */
final class AccessTokens {

  private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)");

  private AccessTokens() {}

  /** The token's expiry, or null when it is not a JWT with an {@code exp} claim. */
  static Instant expiry(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.");
    if (parts.length < 2) {
      return null;
    }
    try {
      String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      Matcher exp = EXP.matcher(payload);
      return exp.find() ? Instant.ofEpochSecond(Long.parseLong(exp.group(1))) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
