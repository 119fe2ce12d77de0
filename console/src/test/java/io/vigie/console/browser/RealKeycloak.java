package io.vigie.console.browser;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak for the browser tests, as the devstack runs it: the official distribution ({@code
 * keycloak-quarkus-dist}, copied to {@code target/keycloak} by the build), in development mode,
 * importing the project's realm export with the console's redirect address set to where the test
 * runs it. Unpacked once under {@code target/}; its first start builds it (about 30 s).
 */
final class RealKeycloak implements AutoCloseable {

  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private final Process process;
  private final int port;
  private final Path log;

  private RealKeycloak(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * @param realmExport the project's realm export (deploy/keycloak/vigie-realm.json)
   * @param consoleUrl where the console runs, e.g. {@code http://127.0.0.1:41234}
   */
  static RealKeycloak start(Path zip, Path realmExport, String consoleUrl, int port, int management)
      throws IOException {
    Path home = unpackOnce(zip, Path.of("target", "keycloak-home").toAbsolutePath());
    // a fresh realm each run: the console's address changes with its port
    deleteRecursively(home.resolve("data/h2"));
    Path imported = home.resolve("data/import/vigie-realm.json");
    Files.createDirectories(imported.getParent());
    String realm =
        Files.readString(realmExport)
            .replace("http://127.0.0.1:8080", consoleUrl)
            .replace("http://localhost:8080", consoleUrl);
    Files.writeString(imported, realm);
    Path log = Path.of("target", "keycloak.log").toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder(
                "bash",
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + management,
                "--import-realm")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
    env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m");
    return new RealKeycloak(builder.start(), port, log);
  }

  String issuer() {
    return "http://127.0.0.1:" + port + "/realms/vigie";
  }

  RealKeycloak awaitReady(Duration within) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited:\n" + Files.readString(log));
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(discovery).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Keycloak was not ready in " + within + "; see " + log);
  }

  /** A demo user's access token (password grant of the vigie-cli client). */
  String passwordToken(String username) throws IOException, InterruptedException {
    return token(
        "grant_type=password&client_id=vigie-cli&username=" + username + "&password=vigie");
  }

  /** The agent's token (client credentials of vigie-agent, development secret). */
  String agentToken() throws IOException, InterruptedException {
    return token(
        "grant_type=client_credentials&client_id=vigie-agent&client_secret=vigie-agent-dev-secret");
  }

  private String token(String form) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Matcher matcher = ACCESS_TOKEN.matcher(response.body());
    if (!matcher.find()) {
      throw new IllegalStateException("no token for " + form + ": " + response.body());
    }
    return matcher.group(1);
  }

  /** Stops Keycloak's JVM as well as the script that started it. */
  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
  }

  private static Path unpackOnce(Path zip, Path target) throws IOException {
    Path done = target.resolve(".unpacked");
    if (!Files.exists(done)) {
      deleteRecursively(target);
      Files.createDirectories(target);
      try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
        for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
          // strip the distribution's top folder (keycloak-26.x.y/)
          String name = entry.getName();
          int slash = name.indexOf('/');
          if (slash < 0 || slash == name.length() - 1) {
            continue;
          }
          Path out = target.resolve(name.substring(slash + 1)).normalize();
          if (!out.startsWith(target)) {
            throw new IOException("entry outside the target: " + name);
          }
          if (entry.isDirectory()) {
            Files.createDirectories(out);
          } else {
            Files.createDirectories(out.getParent());
            copy(in, out);
          }
        }
      }
      Files.writeString(done, zip.toString());
    }
    return target;
  }

  private static void copy(InputStream in, Path out) throws IOException {
    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
