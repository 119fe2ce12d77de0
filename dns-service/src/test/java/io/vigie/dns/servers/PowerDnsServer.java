package io.vigie.dns.servers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A real PowerDNS Authoritative (Debian {@code pdns-server} with the SQLite backend) on loopback
 * ports, with its HTTP API on, in a directory of its own.
 */
public final class PowerDnsServer implements AutoCloseable {

  public final int dnsPort;
  public final int apiPort;
  public final String apiKey = UUID.randomUUID().toString();
  public final Path dir;
  private final LocalProcess process;

  private PowerDnsServer(Path dir) throws IOException, InterruptedException {
    this.dir = dir.toAbsolutePath();
    dir = this.dir;
    Files.createDirectories(dir);
    Path db = dir.resolve("pdns.sqlite3");
    Files.deleteIfExists(db);
    Path schema = Path.of("/usr/share/doc/pdns-backend-sqlite3/schema.sqlite3.sql");
    Process sqlite =
        new ProcessBuilder("sqlite3", db.toString())
            .redirectInput(schema.toFile())
            .redirectErrorStream(true)
            .start();
    if (sqlite.waitFor() != 0) {
      throw new IOException("sqlite3 could not load the PowerDNS schema");
    }
    dnsPort = LocalProcess.freePort();
    apiPort = LocalProcess.freePort();
    Files.writeString(
        dir.resolve("pdns.conf"),
        String.join(
            "\n",
            "launch=gsqlite3",
            "gsqlite3-database=" + db,
            "local-address=127.0.0.1",
            "local-port=" + dnsPort,
            "api=yes",
            "api-key=" + apiKey,
            "webserver=yes",
            "webserver-address=127.0.0.1",
            "webserver-port=" + apiPort,
            "webserver-allow-from=127.0.0.0/8",
            "socket-dir=" + dir,
            "daemon=no",
            "guardian=no",
            "security-poll-suffix=",
            "cache-ttl=0",
            "negquery-cache-ttl=0",
            "query-cache-ttl=0",
            "zone-cache-refresh-interval=0",
            ""));
    process = LocalProcess.start("pdns", List.of("pdns_server", "--config-dir=" + dir), dir);
    process.awaitPort(apiPort, Duration.ofSeconds(20));
    process.awaitPort(dnsPort, Duration.ofSeconds(20));
  }

  public static PowerDnsServer start(Path dir) throws IOException, InterruptedException {
    return new PowerDnsServer(dir);
  }

  public URI apiUrl() {
    return URI.create("http://127.0.0.1:" + apiPort + "/api/v1/servers/localhost");
  }

  /** Runs {@code pdnsutil} against this server's database (a change behind Vigie's back). */
  public String pdnsutil(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("pdnsutil", "--config-dir=" + dir));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException("pdnsutil " + List.of(args) + " failed: " + out);
    }
    return out;
  }

  @Override
  public void close() {
    process.close();
  }
}
