package io.vigie.dns.zone;

import java.nio.charset.StandardCharsets;

/**
 * TXT data: a DNS character-string holds at most 255 bytes, so a longer text (a DKIM key, a long
 * SPF) is split into several strings that resolvers concatenate. Text already in presentation form
 * (starting with a quote) is left to dnsjava, which refuses a string over 255 bytes.
 */
public final class TxtStrings {

  static final int MAX_STRING_BYTES = 255;

  private TxtStrings() {}

  /** {@code text} as quoted character-strings of at most 255 bytes each. */
  public static String quote(String path, String text, int maxBytes) {
    if (text.startsWith("\"")) {
      return text;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > maxBytes) {
      throw InvalidZoneException.of(path, "a TXT text is at most " + maxBytes + " bytes");
    }
    StringBuilder out = new StringBuilder();
    int start = 0;
    while (start < bytes.length) {
      int end = Math.min(bytes.length, start + MAX_STRING_BYTES);
      // never cut a UTF-8 sequence: step back over continuation bytes
      while (end < bytes.length && end > start && (bytes[end] & 0xC0) == 0x80) {
        end--;
      }
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append('"');
      for (int i = start; i < end; i++) {
        int b = bytes[i] & 0xFF;
        if (b == '"' || b == '\\') {
          out.append('\\').append((char) b);
        } else if (b < 0x20 || b > 0x7E) {
          out.append('\\').append(String.format("%03d", b));
        } else {
          out.append((char) b);
        }
      }
      out.append('"');
      start = end;
    }
    return out.toString();
  }
}
