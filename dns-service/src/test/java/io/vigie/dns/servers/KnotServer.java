package io.vigie.dns.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A real Knot DNS (Debian {@code knot}) on a loopback port: each zone primary, loaded from a zone
 * file in a writable directory, open to RFC 2136 updates and AXFR signed with one hmac-sha256 TSIG
 * key (the same way Vigie drives BIND 9). Changes behind Vigie's back are made with {@code knotc}
 * zone transactions over the local control socket.
 */
public final class KnotServer implements AutoCloseable {

  public static final String KEY_NAME = "vigie-key";
  public static final String ALGORITHM = "hmac-sha256";

  public final int port;
  public final Path dir;
  public final String secret;
  private final LocalProcess process;

  private KnotServer(Path dir, Map<String, String> zoneFiles) throws IOException {
    this.dir = dir.toAbsolutePath();
    dir = this.dir;
    Path zonesDir = dir.resolve("zones");
    Files.createDirectories(zonesDir);
    Files.createDirectories(dir.resolve("db"));
    byte[] raw = new byte[32];
    new java.security.SecureRandom().nextBytes(raw);
    secret = Base64.getEncoder().encodeToString(raw);
    port = LocalProcess.freePort();
    StringBuilder conf = new StringBuilder();
    conf.append("server:\n")
        .append("  rundir: \"")
        .append(dir)
        .append("\"\n")
        .append("  pidfile: \"")
        .append(dir.resolve("knot.pid"))
        .append("\"\n")
        .append("  listen: 127.0.0.1@")
        .append(port)
        .append('\n')
        .append("  background-workers: 1\n")
        .append("  udp-workers: 1\n")
        .append("  tcp-workers: 1\n")
        .append("log:\n  - target: stderr\n    any: info\n")
        .append("database:\n  storage: \"")
        .append(dir.resolve("db"))
        .append("\"\n")
        .append("control:\n  listen: \"")
        .append(socket())
        .append("\"\n")
        .append("key:\n  - id: ")
        .append(KEY_NAME)
        .append("\n    algorithm: ")
        .append(ALGORITHM)
        .append("\n    secret: ")
        .append(secret)
        .append('\n')
        .append("acl:\n  - id: vigie\n    key: ")
        .append(KEY_NAME)
        .append("\n    action: [transfer, update]\n")
        .append("template:\n  - id: default\n    storage: \"")
        .append(zonesDir)
        .append("\"\n    file: \"%s.zone\"\n    acl: vigie\n    semantic-checks: on\n")
        .append("zone:\n");
    for (var zone : zoneFiles.entrySet()) {
      String bare = zone.getKey().substring(0, zone.getKey().length() - 1);
      Files.writeString(zonesDir.resolve(bare + ".zone"), zone.getValue());
      conf.append("  - domain: \"").append(zone.getKey()).append("\"\n");
    }
    Files.writeString(config(), conf.toString());
    process = LocalProcess.start("knotd", List.of("knotd", "-c", config().toString()), dir);
    process.awaitPort(port, Duration.ofSeconds(20));
  }

  /** Starts Knot serving {@code zoneFiles} (absolute zone name to zone file text). */
  public static KnotServer start(Path dir, Map<String, String> zoneFiles) throws IOException {
    return new KnotServer(dir, zoneFiles);
  }

  public Path config() {
    return dir.resolve("knot.conf");
  }

  private Path socket() {
    return dir.resolve("knot.sock");
  }

  /**
   * Changes a zone with Knot's own tool, as an operator would behind Vigie's back: a {@code knotc}
   * zone transaction ({@code zone-begin}, each {@code zone-unset}/{@code zone-set} command, {@code
   * zone-commit}).
   */
  public void knotc(String zone, List<List<String>> commands)
      throws IOException, InterruptedException {
    control("zone-begin", zone);
    try {
      for (List<String> command : commands) {
        List<String> args = new ArrayList<>(List.of(command.get(0), zone));
        args.addAll(command.subList(1, command.size()));
        control(args.toArray(String[]::new));
      }
    } catch (IOException e) {
      control("zone-abort", zone);
      throw e;
    }
    control("zone-commit", zone);
  }

  /**
   * Runs {@code nsupdate} with this server's key against a zone (the floor a hoster's script would
   * be: RFC 2136 signed with TSIG, as Vigie sends it).
   */
  public void nsupdate(String zone, String... commands) throws IOException, InterruptedException {
    Path key = dir.resolve("nsupdate-key.conf");
    if (!Files.exists(key)) {
      Files.writeString(
          key,
          "key \""
              + KEY_NAME
              + "\" {\n  algorithm "
              + ALGORITHM
              + ";\n  secret \""
              + secret
              + "\";\n};\n");
    }
    StringBuilder script = new StringBuilder("server 127.0.0.1 " + port + "\nzone " + zone + "\n");
    for (String command : commands) {
      script.append(command).append('\n');
    }
    script.append("send\n");
    Process p =
        new ProcessBuilder("nsupdate", "-k", key.toString()).redirectErrorStream(true).start();
    p.getOutputStream().write(script.toString().getBytes());
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException("nsupdate failed: " + out);
    }
  }

  private void control(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("knotc", "-c", config().toString(), "-s", socket().toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0 || out.contains("error")) {
      throw new IOException("knotc " + List.of(args) + " failed: " + out);
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
