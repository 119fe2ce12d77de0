package io.vigie.ticket.oncall;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** HMAC-SHA256 as the openssl command line computes it, an implementation independent of ours. */
final class OpenSsl {

  private OpenSsl() {}

  static String hmacSha256(String key, String message) {
    try {
      Process p =
          new ProcessBuilder("openssl", "dgst", "-sha256", "-hmac", key, "-r")
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("openssl failed: " + out);
      }
      return out.strip().split("\\s+")[0];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
