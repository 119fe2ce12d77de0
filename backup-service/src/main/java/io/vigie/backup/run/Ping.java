package io.vigie.backup.run;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One Healthchecks-style ping as the path says it: {@code /ping/{key}} (success), {@code /start},
 * {@code /fail}, {@code /log}, or {@code /{exit-status}} from 0 (success) to 255 (failure).
 *
 * @param exitStatus the status a {@code /{exit-status}} ping gave, else null
 */
public record Ping(Kind kind, Integer exitStatus) {

  /** What a ping does to the copy's runs. */
  public enum Kind {
    START,
    SUCCESS,
    FAIL,
    LOG
  }

  /** Reads the part after the key ({@code null} or empty for a plain success); empty if unknown. */
  public static Optional<Ping> of(String suffix) {
    if (suffix == null || suffix.isEmpty()) {
      return Optional.of(new Ping(Kind.SUCCESS, null));
    }
    return switch (suffix) {
      case "start" -> Optional.of(new Ping(Kind.START, null));
      case "fail" -> Optional.of(new Ping(Kind.FAIL, null));
      case "log" -> Optional.of(new Ping(Kind.LOG, null));
      default -> exitStatus(suffix);
    };
  }

  private static Optional<Ping> exitStatus(String suffix) {
    if (!suffix.matches("[0-9]{1,3}")) {
      return Optional.empty();
    }
    int status = Integer.parseInt(suffix);
    if (status > 255) {
      return Optional.empty();
    }
    return Optional.of(new Ping(status == 0 ? Kind.SUCCESS : Kind.FAIL, status));
  }

  /** A body cut to at most {@code maxBytes} of UTF-8, never in the middle of a character. */
  public record Body(String text, boolean truncated) {

    public static Body of(byte[] bytes, int maxBytes) {
      if (bytes == null || bytes.length == 0) {
        return new Body("", false);
      }
      if (bytes.length <= maxBytes) {
        return new Body(clean(new String(bytes, StandardCharsets.UTF_8)), false);
      }
      int end = maxBytes;
      // back off continuation bytes (10xxxxxx) so the cut falls between characters
      while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
        end--;
      }
      return new Body(clean(new String(bytes, 0, end, StandardCharsets.UTF_8)), true);
    }

    /** PostgreSQL text holds no NUL. */
    private static String clean(String text) {
      return text.indexOf('\0') >= 0 ? text.replace('\0', '\uFFFD') : text;
    }
  }
}
