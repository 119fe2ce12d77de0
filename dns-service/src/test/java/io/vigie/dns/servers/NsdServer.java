package io.vigie.dns.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real NSD (Debian {@code nsd}) on a loopback port, loading each of its zones from a file in
 * {@code zones/} that the zone-file provider writes, reloaded with {@code nsd-control} over a local
 * control socket.
 */
public final class NsdServer implements AutoCloseable {

  public final int port;
  public final Path dir;
  public final Path zonesDir;
  private final LocalProcess process;

  private NsdServer(Path dir, List<String> zones) throws IOException {
    this.dir = dir.toAbsolutePath();
    dir = this.dir;
    zonesDir = dir.resolve("zones");
    Files.createDirectories(zonesDir);
    port = LocalProcess.freePort();
    StringBuilder conf = new StringBuilder();
    conf.append("server:\n")
        .append("  ip-address: 127.0.0.1@")
        .append(port)
        .append('\n')
        .append("  do-ip6: no\n")
        .append("  username: \"\"\n")
        .append("  chroot: \"\"\n")
        .append("  zonesdir: \"")
        .append(dir)
        .append("\"\n")
        .append("  database: \"\"\n")
        .append("  pidfile: \"")
        .append(dir.resolve("nsd.pid"))
        .append("\"\n")
        .append("  xfrdfile: \"")
        .append(dir.resolve("xfrd.state"))
        .append("\"\n")
        .append("  zonelistfile: \"")
        .append(dir.resolve("zone.list"))
        .append("\"\n")
        .append("  server-count: 1\n")
        .append("  verbosity: 1\n")
        .append("remote-control:\n")
        .append("  control-enable: yes\n")
        .append("  control-interface: \"")
        .append(dir.resolve("nsd.sock"))
        .append("\"\n");
    for (String zone : zones) {
      conf.append("zone:\n  name: \"")
          .append(zone)
          .append("\"\n  zonefile: \"")
          .append(zonesDir.resolve(zone + "zone"))
          .append("\"\n");
    }
    Files.writeString(config(), conf.toString());
    process = LocalProcess.start("nsd", List.of("nsd", "-d", "-c", config().toString()), dir);
    process.awaitPort(port, Duration.ofSeconds(20));
  }

  /** Starts NSD configured for {@code zones} (absolute names); their files may not exist yet. */
  public static NsdServer start(Path dir, List<String> zones) throws IOException {
    return new NsdServer(dir, zones);
  }

  public Path config() {
    return dir.resolve("nsd.conf");
  }

  /** The reload command the zone-file provider runs for this server. */
  public List<String> reloadCommand() {
    return List.of("nsd-control", "-c", config().toString(), "reload", "{zone}");
  }

  /** Runs {@code nsd-control} (a reload after a change behind Vigie's back). */
  public void control(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("nsd-control", "-c", config().toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException("nsd-control " + List.of(args) + " failed: " + out);
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
