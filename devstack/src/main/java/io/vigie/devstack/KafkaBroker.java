package io.vigie.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker (KRaft, broker and controller in one JVM) from the kafka_2.13 jars the
 * devstack build lists in {@code devstack/target/kafka.classpath}, with its data in {@code
 * .vigie/kafka}.
 */
final class KafkaBroker {

  static final String NAME = "kafka";
  static final int PORT = 19092;
  static final int CONTROLLER_PORT = 19093;
  static final String BOOTSTRAP_SERVERS = "127.0.0.1:" + PORT;

  private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final String STARTED_MESSAGE = "Kafka Server started";

  private final StackPaths paths;
  private final PidRegistry pids;
  private final Path directory;

  KafkaBroker(StackPaths paths, PidRegistry pids) {
    this.paths = paths;
    this.pids = pids;
    this.directory = paths.kafka();
  }

  /** Formats the storage on first use and starts the broker. */
  ManagedProcess start() throws IOException, InterruptedException {
    Files.createDirectories(directory);
    // Written on every start so that a change here applies without wiping the data.
    Files.writeString(serverProperties(), serverConfig());
    Files.writeString(log4jConfig(), LOG4J_CONFIG);
    String classpath = Files.readString(paths.kafkaClasspathFile()).strip();
    if (!Files.exists(dataDirectory().resolve("meta.properties"))) {
      format(classpath);
    }
    ProcessBuilder builder =
        java(classpath, "kafka.Kafka", serverProperties().toString()).directory(directory.toFile());
    return ManagedProcess.start(NAME, builder, paths.log(NAME), pids);
  }

  /** Waits until the broker accepts clients. */
  void awaitReady(ManagedProcess broker) {
    Await.ready(
        "Kafka",
        broker,
        READY_TIMEOUT,
        () -> Http.listening(PORT) && logMentions(broker.log(), STARTED_MESSAGE));
  }

  /** KRaft storage is formatted once with a fresh cluster id; later starts reuse it. */
  private void format(String classpath) throws IOException, InterruptedException {
    String clusterId = newClusterId();
    Path log = paths.log(NAME + "-format");
    ProcessBuilder builder =
        java(
                classpath,
                "kafka.tools.StorageTool",
                "format",
                "-t",
                clusterId,
                "-c",
                serverProperties().toString())
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Files.createDirectories(paths.logs());
    Process process = builder.start();
    if (!process.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new StartupException("formatting Kafka storage timed out; see " + log);
    }
    if (process.exitValue() != 0) {
      throw new StartupException(
          "formatting Kafka storage failed: " + Files.readString(log).strip());
    }
  }

  private ProcessBuilder java(String classpath, String mainClass, String... arguments) {
    ProcessBuilder builder =
        new ProcessBuilder(
            Launcher.javaExecutable(),
            "-Xmx256m",
            "-Xms64m",
            "-Djava.awt.headless=true",
            "-Dlog4j2.configurationFile=" + log4jConfig(),
            "-cp",
            classpath,
            mainClass);
    builder.command().addAll(List.of(arguments));
    return builder;
  }

  private String serverConfig() {
    return """
        # Written by the devstack launcher (io.vigie.devstack.KafkaBroker) on every start.
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@127.0.0.1:%2$d
        listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
        advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
        controller.listener.names=CONTROLLER
        inter.broker.listener.name=PLAINTEXT
        listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
        log.dirs=%3$s
        num.partitions=1
        auto.create.topics.enable=true
        default.replication.factor=1
        min.insync.replicas=1
        offsets.topic.replication.factor=1
        offsets.topic.num.partitions=3
        transaction.state.log.replication.factor=1
        transaction.state.log.min.isr=1
        transaction.state.log.num.partitions=3
        share.coordinator.state.topic.replication.factor=1
        share.coordinator.state.topic.min.isr=1
        share.coordinator.state.topic.num.partitions=3
        # one broker, nobody to wait for: consumers get their partitions at once
        group.initial.rebalance.delay.ms=0
        """
        .formatted(PORT, CONTROLLER_PORT, dataDirectory());
  }

  private static final String LOG4J_CONFIG =
      """
      # Written by the devstack launcher: the broker logs to stdout, which goes to .vigie/logs/kafka.log
      status = warn
      appender.stdout.type = Console
      appender.stdout.name = STDOUT
      appender.stdout.layout.type = PatternLayout
      appender.stdout.layout.pattern = [%d] %p %m (%c)%n
      rootLogger.level = INFO
      rootLogger.appenderRef.stdout.ref = STDOUT
      logger.controller.name = kafka.controller
      logger.controller.level = WARN
      logger.state.name = state.change.logger
      logger.state.level = WARN
      """;

  private Path dataDirectory() {
    return directory.resolve("data");
  }

  private Path serverProperties() {
    return directory.resolve("server.properties");
  }

  private Path log4jConfig() {
    return directory.resolve("log4j2.properties");
  }

  /**
   * A Kafka cluster id: 16 random bytes, base64url without padding, as Kafka's Uuid makes them, and
   * like Kafka never one starting with a dash (the command line would take it for an option).
   */
  static String newClusterId() {
    SecureRandom random = new SecureRandom();
    byte[] bytes = new byte[16];
    String id;
    do {
      random.nextBytes(bytes);
      id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } while (id.startsWith("-"));
    return id;
  }

  private static boolean logMentions(Path log, String text) {
    try {
      return Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
    } catch (IOException e) {
      return false;
    }
  }
}
