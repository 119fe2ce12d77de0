package io.vigie.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A second monitoring-service replica, to show the deployment's shape: both replicas take
 * remote_write (port 8082 and this one's), the samples go through the {@code monitoring.samples}
 * topic and each replica evaluates the rules of the hosts whose partitions it owns. Same jar,
 * database and Kafka as the first; its own port, log, pid file and replica id.
 */
final class MonitoringReplica {

  static final String NAME = "monitoring-service-2";
  static final int PORT = 8092;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final ServiceSpec monitoring;
  private final StackPaths paths;
  private final PidRegistry pids;
  private final Http http;

  MonitoringReplica(ServiceSpec monitoring, StackPaths paths, PidRegistry pids, Http http) {
    this.monitoring = monitoring;
    this.paths = paths;
    this.pids = pids;
    this.http = http;
  }

  ManagedProcess start() throws IOException {
    Path workDir = paths.state().resolve("services").resolve(NAME);
    Files.createDirectories(workDir);
    ProcessBuilder builder =
        new ProcessBuilder(
                Launcher.javaExecutable(),
                "-Xmx256m",
                "-jar",
                paths.serviceJar(monitoring).toString())
            .directory(workDir.toFile());
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    env.put("QUARKUS_HTTP_PORT", Integer.toString(PORT));
    env.put("QUARKUS_DATASOURCE_REACTIVE_URL", Postgres.reactiveUrl(monitoring.database()));
    env.put("QUARKUS_DATASOURCE_JDBC_URL", Postgres.jdbcUrl(monitoring.database()));
    env.put("QUARKUS_DATASOURCE_USERNAME", Postgres.USER);
    env.put("QUARKUS_DATASOURCE_PASSWORD", Postgres.PASSWORD);
    env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.BOOTSTRAP_SERVERS);
    env.put("QUARKUS_OIDC_AUTH_SERVER_URL", Keycloak.ISSUER.toString());
    env.put("VIGIE_MONITORING_PROBES_REPLICA_ID", NAME);
    env.put("VIGIE_MONITORING_INGEST_REPLICA_ID", NAME);
    return ManagedProcess.start(NAME, builder, paths.log(NAME), pids);
  }

  void awaitReady(ManagedProcess replica) {
    URI ready = URI.create("http://127.0.0.1:" + PORT + "/q/health/ready");
    Await.ready(NAME, replica, READY_TIMEOUT, () -> http.status(ready) == 200);
  }
}
