package io.vigie.monitoring;

import io.vigie.testkit.VigieTestResources;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Three packaged monitoring-services ({@code target/quarkus-app/quarkus-run.jar}, each in its own
 * JVM) on the test kit's PostgreSQL and Kafka, as deployed: started once per JVM and shared by the
 * {@code *IT} classes (a JVM start is most of a crash test's time), killed when the JVM exits. A
 * test that kills one may {@link #restart} it; {@link #live} are the ones running.
 *
 * <p>Intervals are those of the test profile, the consumer groups' session timeouts at 3 s (the
 * test kit's broker allows them under the default 6 s minimum), so a killed replica's partitions
 * move in seconds.
 */
public final class PackagedReplicas {

  /** One packaged monitoring-service. */
  public record Replica(String id, int port, Path log, Process process) {
    public boolean alive() {
      return process.isAlive();
    }
  }

  private static final VigieTestResources RESOURCES = new VigieTestResources();
  private static final List<String> IDS =
      List.of("monitoring-dc2", "monitoring-dc3", "monitoring-dc5");
  private static Map<String, String> config;
  private static final List<Replica> replicas = new ArrayList<>();

  private PackagedReplicas() {}

  /** The replicas (starting them the first time): the killed ones too, until restarted. */
  public static synchronized List<Replica> all() throws Exception {
    if (config == null) {
      config = RESOURCES.start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> snapshot().forEach(r -> r.process().destroyForcibly()),
                  "packaged-replicas-stop"));
      // all three at once, as a deployment rolls them out: one migrates the database while the
      // others wait on Flyway's lock, and the default rule pack is installed once (insert ... on
      // conflict do nothing)
      for (String id : IDS) {
        replicas.add(launch(id, Ports.free()));
      }
      for (Replica replica : replicas) {
        awaitReady(replica);
      }
    }
    return List.copyOf(replicas);
  }

  /** The replicas running now. */
  public static List<Replica> live() throws Exception {
    return all().stream().filter(Replica::alive).toList();
  }

  /** The test kit's configuration the replicas run with (database and broker). */
  public static synchronized Map<String, String> config() throws Exception {
    all();
    return config;
  }

  /** Starts {@code killed} again, same id and port, once it is gone; returns it once ready. */
  public static synchronized Replica restart(Replica killed) throws Exception {
    killed.process().destroyForcibly().waitFor();
    Replica again = launch(killed.id(), killed.port());
    replicas.set(replicas.indexOf(killed), again);
    awaitReady(again);
    return again;
  }

  private static synchronized List<Replica> snapshot() {
    return List.copyOf(replicas);
  }

  private static Replica launch(String id, int port) throws IOException {
    Path log = Files.createDirectories(Path.of("target")).resolve("replica-" + id + ".log");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx256m");
    // a replica lives for a test or two: the quick compiler only and one GC thread start it sooner
    // and leave more of the machine's cores to the other replicas starting at the same time
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    config.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dquarkus.http.host=127.0.0.1");
    command.add("-Dvigie.monitoring.ingest.replica-id=" + id);
    command.add("-Dvigie.monitoring.probes.replica-id=" + id);
    command.add("-Dvigie.monitoring.ingest.session-timeout=3s");
    // the event channels' consumers too: a SIGKILLed replica's partitions (inventory.events...)
    // are handed over after 3 s, not the default 45 s a later test would wait on
    command.add("-Dkafka.session.timeout.ms=3000");
    command.add("-Dkafka.heartbeat.interval.ms=750");
    command.add("-Dvigie.monitoring.rules.evaluation-interval=1s");
    command.add("-jar");
    command.add(Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new Replica(id, port, log, process);
  }

  private static void awaitReady(Replica replica) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      if (!replica.alive()) {
        throw new IllegalStateException(
            replica.id() + " exited:\n" + Files.readString(replica.log()));
      }
      try {
        HttpRequest ready =
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + replica.port() + "/q/health/ready"))
                .build();
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        replica.id() + " not ready:\n" + Files.readString(replica.log()));
  }
}
