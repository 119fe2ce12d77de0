package io.vigie.monitoring.maintenance;

import io.vigie.kit.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * The cursor of a window list filtered by time, paged in Java: the last window's {@code startsAt}
 * and id, as {@code ?after=} carries it (base64url, opaque to the caller).
 */
final class WindowCursor {

  private WindowCursor() {}

  /** The cursor after {@code w}. */
  static String of(MaintenanceWindowView w) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key(w).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code startsAt id}, as the candidates query compares it. */
  static String key(MaintenanceWindowView w) {
    return w.startsAt() + " " + w.id();
  }

  /** The key a cursor carries, or null without one; 400 naming {@code after} for a bad one. */
  static String key(String after) {
    if (after == null || after.isEmpty()) {
      return null;
    }
    try {
      String key = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
      String[] parts = key.split(" ", -1);
      if (parts.length == 2) {
        return Instant.parse(parts[0]) + " " + UUID.fromString(parts[1]);
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // answered below
    }
    throw ProblemException.invalidField("after", "is not a cursor of this list");
  }
}
