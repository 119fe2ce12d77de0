package io.vigie.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Keycloak ({@code keycloak-quarkus-dist}, unpacked under {@code .vigie/keycloak}) in
 * development mode, importing the {@code vigie} realm from {@code
 * deploy/keycloak/vigie-realm.json}.
 *
 * <p>Keycloak only imports a realm that does not exist yet. When the realm export has changed since
 * the last import, its H2 database is dropped so that the new export is what runs.
 */
final class Keycloak {

  static final String NAME = "keycloak";
  static final int HTTP_PORT = 18080;
  static final int MANAGEMENT_PORT = 18900;
  static final String REALM = "vigie";
  // Development only, like the realm's demo passwords.
  static final String ADMIN_USERNAME = "admin";
  static final String ADMIN_PASSWORD = "admin";
  static final String CLI_CLIENT = "vigie-cli";
  static final String AGENT_CLIENT = "vigie-agent";
  static final String AGENT_SECRET = "vigie-agent-dev-secret"; // development only

  static final URI BASE_URL = URI.create("http://127.0.0.1:" + HTTP_PORT + "/");
  // The token's iss follows the host name used: 127.0.0.1 everywhere.
  static final URI ISSUER = BASE_URL.resolve("realms/" + REALM);
  static final URI TOKEN_URL = URI.create(ISSUER + "/protocol/openid-connect/token");
  static final URI ADMIN_CONSOLE = BASE_URL.resolve("admin");

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private final StackPaths paths;
  private final PidRegistry pids;
  private final Http http;

  Keycloak(StackPaths paths, PidRegistry pids, Http http) {
    this.paths = paths;
    this.pids = pids;
    this.http = http;
  }

  /** Unpacks Keycloak on first use, refreshes the realm export and starts it. */
  ManagedProcess start() throws IOException {
    Path home = install();
    importRealm(home);
    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + HTTP_PORT,
                "--http-management-port=" + MANAGEMENT_PORT,
                "--import-realm")
            .directory(home.toFile());
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m");
    return ManagedProcess.start(NAME, builder, paths.log(NAME), pids);
  }

  /** Waits until the vigie realm answers (the first start builds Keycloak, about 30 s). */
  void awaitReady(ManagedProcess keycloak) {
    URI discovery = URI.create(ISSUER + "/.well-known/openid-configuration");
    Await.ready("Keycloak", keycloak, READY_TIMEOUT, () -> http.status(discovery) == 200);
    // kc.sh forks the JVM: record it too, for the crash clean-up
    keycloak.recordTree();
  }

  /** An access token for a realm user, with the password grant of the vigie-cli client. */
  String accessToken(String username, String password) throws IOException, InterruptedException {
    String body =
        http.postForm(
            TOKEN_URL,
            Map.of(
                "grant_type", "password",
                "client_id", CLI_CLIENT,
                "username", username,
                "password", password));
    Matcher matcher = ACCESS_TOKEN.matcher(body);
    if (!matcher.find()) {
      throw new IOException("no access_token in the token response for " + username);
    }
    return matcher.group(1);
  }

  private Path install() throws IOException {
    Path zip = paths.keycloakDistribution();
    if (!Files.exists(zip)) {
      throw new StartupException(zip + " is missing: build the devstack module first");
    }
    Files.createDirectories(paths.keycloak());
    return Archives.unpackOnce(zip, paths.keycloak());
  }

  private void importRealm(Path home) throws IOException {
    Path source = paths.realmExport();
    Path imported = home.resolve("data/import").resolve(source.getFileName());
    boolean changed = !Files.exists(imported) || Files.mismatch(source, imported) != -1;
    if (changed) {
      Path database = home.resolve("data/h2");
      if (Files.exists(database)) {
        Log.info("the realm export has changed: Keycloak's database is reset to import it again");
        Archives.deleteRecursively(database);
      }
      Files.createDirectories(imported.getParent());
      Files.copy(source, imported, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
