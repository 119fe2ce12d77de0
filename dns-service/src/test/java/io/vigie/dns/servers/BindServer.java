package io.vigie.dns.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real BIND 9 (Debian {@code bind9}) on a loopback port: each zone primary, from a zone file in a
 * writable directory, open to RFC 2136 updates and AXFR signed with one hmac-sha256 TSIG key.
 */
public final class BindServer implements AutoCloseable {

  public static final String KEY_NAME = "vigie-key";
  public static final String ALGORITHM = "hmac-sha256";

  public final int port;
  public final Path dir;
  public final String secret;
  private final LocalProcess process;

  private BindServer(Path dir, Map<String, String> zoneFiles) throws IOException {
    this.dir = dir.toAbsolutePath();
    dir = this.dir;
    Files.createDirectories(dir);
    byte[] raw = new byte[32];
    new java.security.SecureRandom().nextBytes(raw);
    secret = Base64.getEncoder().encodeToString(raw);
    port = LocalProcess.freePort();
    Files.writeString(
        dir.resolve("key.conf"),
        "key \""
            + KEY_NAME
            + "\" {\n  algorithm "
            + ALGORITHM
            + ";\n  secret \""
            + secret
            + "\";\n};\n");
    StringBuilder zones = new StringBuilder();
    for (var zone : zoneFiles.entrySet()) {
      Path file = dir.resolve(zone.getKey() + "zone");
      Files.writeString(file, zone.getValue());
      Files.deleteIfExists(dir.resolve(zone.getKey() + "zone.jnl"));
      zones
          .append("zone \"")
          .append(zone.getKey())
          .append("\" {\n  type primary;\n  file \"")
          .append(file)
          .append("\";\n  allow-update { key \"")
          .append(KEY_NAME)
          .append("\"; };\n  allow-transfer { key \"")
          .append(KEY_NAME)
          .append("\"; };\n};\n");
    }
    Files.writeString(
        dir.resolve("named.conf"),
        String.join(
                "\n",
                "include \"" + dir.resolve("key.conf") + "\";",
                "options {",
                "  directory \"" + dir + "\";",
                "  listen-on port " + port + " { 127.0.0.1; };",
                "  listen-on-v6 { none; };",
                "  pid-file \"" + dir.resolve("named.pid") + "\";",
                "  recursion no;",
                "  notify no;",
                "};",
                "controls { };",
                "")
            + zones);
    process =
        LocalProcess.start(
            "named",
            List.of("named", "-c", dir.resolve("named.conf").toString(), "-g", "-n", "1"),
            dir);
    process.awaitPort(port, Duration.ofSeconds(20));
  }

  /** Starts BIND serving {@code zoneFiles} (absolute zone name to zone file text). */
  public static BindServer start(Path dir, Map<String, String> zoneFiles) throws IOException {
    return new BindServer(dir, zoneFiles);
  }

  /** A minimal primary zone BIND accepts: an SOA and one NS. */
  public static String emptyZone(String zone) {
    return "$ORIGIN "
        + zone
        + "\n$TTL 3600\n@ IN SOA ns1.hoster-demo.net. hostmaster.hoster-demo.net. 2026010100 3600 600 1209600 300\n"
        + "@ IN NS ns1.hoster-demo.net.\n";
  }

  /** Runs {@code nsupdate} with this server's key (a change behind Vigie's back). */
  public void nsupdate(String zone, String... commands) throws IOException, InterruptedException {
    String script =
        "server 127.0.0.1 "
            + port
            + "\nzone "
            + zone
            + "\n"
            + List.of(commands).stream().map(c -> c + "\n").collect(Collectors.joining())
            + "send\n";
    Process p =
        new ProcessBuilder("nsupdate", "-k", dir.resolve("key.conf").toString())
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().write(script.getBytes());
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException("nsupdate failed: " + out);
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
