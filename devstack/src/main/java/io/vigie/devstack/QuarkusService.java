package io.vigie.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** One Vigie service, run from its Quarkus fast-jar in its own JVM. */
final class QuarkusService {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final ServiceSpec spec;
  private final StackPaths paths;
  private final PidRegistry pids;
  private final Http http;

  QuarkusService(ServiceSpec spec, StackPaths paths, PidRegistry pids, Http http) {
    this.spec = spec;
    this.paths = paths;
    this.pids = pids;
    this.http = http;
  }

  ManagedProcess start() throws IOException {
    Path workDir = paths.serviceWorkDir(spec);
    // Its own working directory: a stray .env or config/ at the repository root stays out.
    Files.createDirectories(workDir);
    ProcessBuilder builder =
        new ProcessBuilder(
                Launcher.javaExecutable(), "-Xmx256m", "-jar", paths.serviceJar(spec).toString())
            .directory(workDir.toFile());
    // Production configuration comes from the environment, as in Kubernetes.
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    env.put("QUARKUS_HTTP_PORT", Integer.toString(spec.port()));
    if (spec.database() != null) {
      env.put("QUARKUS_DATASOURCE_REACTIVE_URL", Postgres.reactiveUrl(spec.database()));
      env.put("QUARKUS_DATASOURCE_JDBC_URL", Postgres.jdbcUrl(spec.database()));
      env.put("QUARKUS_DATASOURCE_USERNAME", Postgres.USER);
      env.put("QUARKUS_DATASOURCE_PASSWORD", Postgres.PASSWORD);
      env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.BOOTSTRAP_SERVERS);
    }
    env.put("QUARKUS_OIDC_AUTH_SERVER_URL", Keycloak.ISSUER.toString());
    // ticket-service's on-call pages (the others have no mailer and ignore these)
    env.put("QUARKUS_MAILER_HOST", MailCatcher.HOST);
    env.put("QUARKUS_MAILER_PORT", Integer.toString(MailCatcher.SMTP_PORT));
    return ManagedProcess.start(spec.name(), builder, paths.log(spec.name()), pids);
  }

  void awaitReady(ManagedProcess service) {
    Await.ready(spec.name(), service, READY_TIMEOUT, () -> http.status(spec.readinessUrl()) == 200);
  }
}
