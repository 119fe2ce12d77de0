package io.vigie.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code ./vigie up}, {@code down} and {@code status}. */
final class Launcher {

  static final String MAIN_CLASS = "io.vigie.devstack.Main";

  private static final Duration STOP_GRACE = Duration.ofSeconds(20);
  private static final Duration LAUNCHER_STOP_TIMEOUT = Duration.ofSeconds(120);

  private final StackPaths paths;
  private final PidRegistry pids;
  private final Http http = new Http();
  private final Shutdown shutdown = new Shutdown();

  Launcher(StackPaths paths) {
    this.paths = paths;
    this.pids = new PidRegistry(paths.pids(), paths.root());
  }

  /** The JVM the launcher runs on (a JDK 21 or newer, picked by the vigie script). */
  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Starts the stack, prints how to use it and stays in the foreground until stopped. */
  void up(boolean withServices) throws Exception {
    long startNanos = System.nanoTime();
    Files.createDirectories(paths.logs());
    runningLauncher()
        .ifPresent(
            other -> {
              throw new StartupException(
                  "Vigie is already running (launcher pid " + other.pid() + "): ./vigie down");
            });
    Files.writeString(paths.launcherPidFile(), ProcessHandle.current().pid() + "\n");
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "vigie-shutdown"));

    stopLeftovers();
    List<ServiceSpec> services = withServices ? Services.ALL : List.of();
    requireServiceJars(services);
    requireFreePorts(services);

    try {
      startAll(services, startNanos);
      if (withServices) {
        loadDemoData();
      }
    } catch (Exception e) {
      if (shutdown.isStopping()) {
        return; // Ctrl-C or ./vigie down during the start: the failure is only a consequence
      }
      throw e;
    }
    Banner banner = new Banner(http, services, seconds(startNanos));
    System.out.print(banner.render());
    System.out.flush();
    new CountDownLatch(1).await(); // until Ctrl-C or ./vigie down: the shutdown hook takes over
  }

  private void startAll(List<ServiceSpec> services, long startNanos) throws Exception {
    Log.info(
        "starting PostgreSQL, Kafka and Keycloak"
            + (services.isEmpty() ? "" : ", then " + names(services))
            + "; logs in "
            + paths.display(paths.logs()));
    ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor();
    try {
      // The three are independent: starting them together is most of the time saved.
      Future<?> postgres = starters.submit(() -> startPostgres(startNanos));
      Future<?> kafka = starters.submit(() -> startKafka(startNanos));
      Future<?> keycloak = starters.submit(() -> startKeycloak(startNanos));
      shutdown.register(Shutdown.Layer.INFRASTRUCTURE, "mail catcher", MailCatcher.start());
      for (Future<?> infrastructure : List.of(postgres, kafka, keycloak)) {
        await(infrastructure);
      }
      // Services need all three at start: database migrations, Kafka, OIDC discovery.
      List<Future<?>> started = new ArrayList<>();
      for (ServiceSpec service : services) {
        started.add(starters.submit(() -> startService(service, startNanos)));
      }
      if (services.contains(Services.named("monitoring-service"))) {
        started.add(starters.submit(() -> startMonitoringReplica(startNanos)));
      }
      for (Future<?> service : started) {
        await(service);
      }
    } finally {
      // On a failure, interrupt the other starts instead of waiting for their timeouts.
      starters.shutdownNow();
    }
  }

  /** Stops a running launcher and whatever a crashed one left behind. */
  void down() throws IOException {
    Optional<ProcessHandle> launcher = runningLauncher();
    if (launcher.isPresent()) {
      ProcessHandle process = launcher.get();
      Log.info("stopping Vigie (launcher pid " + process.pid() + ")");
      process.destroy();
      try {
        process.onExit().get(LAUNCHER_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (Exception e) {
        Log.warn("the launcher did not stop in time: killing it");
        process.destroyForcibly();
      }
    }
    List<String> leftovers = stopLeftovers();
    Files.deleteIfExists(paths.launcherPidFile());
    if (launcher.isEmpty() && leftovers.isEmpty()) {
      System.out.println("Vigie was not running.");
    } else {
      System.out.println("Vigie stopped.");
    }
  }

  /**
   * Prints what is up.
   *
   * @return true when the launcher is running
   */
  boolean status() {
    Optional<ProcessHandle> launcher = runningLauncher();
    StringBuilder out = new StringBuilder();
    row(out, "launcher", launcher.map(p -> "running, pid " + p.pid()).orElse("not running"));
    row(out, "PostgreSQL", upOrDown(Http.listening(Postgres.PORT), Postgres.jdbcUrl("<db>")));
    row(out, "Kafka", upOrDown(Http.listening(KafkaBroker.PORT), KafkaBroker.BOOTSTRAP_SERVERS));
    row(out, "Keycloak", upOrDown(http.status(Keycloak.ISSUER) == 200, Keycloak.ISSUER.toString()));
    for (ServiceSpec service : Services.ALL) {
      boolean ready = http.status(service.readinessUrl()) == 200;
      row(out, service.name(), (ready ? "ready  " : "down   ") + service.baseUrl());
    }
    System.out.print(out);
    return launcher.isPresent();
  }

  private Postgres startPostgres(long startNanos) throws Exception {
    List<String> databases =
        Services.ALL.stream().map(ServiceSpec::database).filter(Objects::nonNull).toList();
    Postgres postgres = Postgres.start(paths, databases, pids);
    shutdown.register(Shutdown.Layer.INFRASTRUCTURE, "PostgreSQL", postgres);
    ready("PostgreSQL", startNanos);
    return postgres;
  }

  private ManagedProcess startKafka(long startNanos) throws Exception {
    KafkaBroker broker = new KafkaBroker(paths, pids);
    ManagedProcess process = broker.start();
    track(Shutdown.Layer.INFRASTRUCTURE, "Kafka", process);
    broker.awaitReady(process);
    ready("Kafka", startNanos);
    return process;
  }

  private ManagedProcess startKeycloak(long startNanos) throws Exception {
    Keycloak keycloak = new Keycloak(paths, pids, http);
    ManagedProcess process = keycloak.start();
    track(Shutdown.Layer.INFRASTRUCTURE, "Keycloak", process);
    keycloak.awaitReady(process);
    ready("Keycloak", startNanos);
    return process;
  }

  private ManagedProcess startService(ServiceSpec spec, long startNanos) throws Exception {
    QuarkusService service = new QuarkusService(spec, paths, pids, http);
    ManagedProcess process = service.start();
    track(Shutdown.Layer.SERVICES, spec.name(), process);
    service.awaitReady(process);
    ready(spec.name(), startNanos);
    return process;
  }

  /** The second monitoring-service replica (samples shared through Kafka, issue 14). */
  private ManagedProcess startMonitoringReplica(long startNanos) throws Exception {
    MonitoringReplica replica =
        new MonitoringReplica(Services.named("monitoring-service"), paths, pids, http);
    ManagedProcess process = replica.start();
    track(Shutdown.Layer.SERVICES, MonitoringReplica.NAME, process);
    replica.awaitReady(process);
    ready(MonitoringReplica.NAME + " (port " + MonitoringReplica.PORT + ")", startNanos);
    return process;
  }

  /** Registers the process for shutdown and reports it if it dies while the stack runs. */
  private void track(Shutdown.Layer layer, String name, ManagedProcess process) {
    shutdown.register(layer, name, () -> process.stop(STOP_GRACE));
    process
        .process()
        .onExit()
        .thenAccept(
            exited -> {
              if (!shutdown.isStopping()) {
                Log.warn(
                    name
                        + " exited with code "
                        + exited.exitValue()
                        + "; see "
                        + paths.display(process.log()));
              }
            });
  }

  private void loadDemoData() throws IOException, InterruptedException {
    Keycloak keycloak = new Keycloak(paths, pids, http);
    String adminToken = keycloak.accessToken("admin", DemoUser.PASSWORD);
    DemoData.load(
        Services.named("inventory-service").baseUrl(),
        Services.named("monitoring-service").baseUrl(),
        adminToken);
    BackupDemo.load(
        Services.named("inventory-service").baseUrl(),
        Services.named("backup-service").baseUrl(),
        adminToken);
    ConsumptionDemo.load(Services.named("backup-service").baseUrl(), adminToken);
    DnsDemo.load(Services.named("dns-service").baseUrl(), adminToken);
    TicketDemo.load(
        Services.named("ticket-service").baseUrl(),
        Services.named("inventory-service").baseUrl(),
        adminToken,
        keycloak.accessToken("lumiere", DemoUser.PASSWORD));
    KnowledgeDemo.load(Services.named("ticket-service").baseUrl(), adminToken);
    OnCallDemo.load(Services.named("ticket-service").baseUrl(), adminToken);
  }

  private void stop() {
    long startNanos = System.nanoTime();
    int stopped = shutdown.stopAll();
    try {
      // only our own pid file: a second launcher refused at start must not delete the first's
      Path pidFile = paths.launcherPidFile();
      if (Files.exists(pidFile)
          && Files.readString(pidFile)
              .strip()
              .equals(Long.toString(ProcessHandle.current().pid()))) {
        Files.delete(pidFile);
      }
    } catch (IOException e) {
      // nothing more to do: down copes with a stale pid file
    }
    if (stopped > 0) {
      Log.info("Vigie stopped in " + seconds(startNanos) + " s");
    }
  }

  private List<String> stopLeftovers() throws IOException {
    List<String> stopped = pids.stopLeftovers(STOP_GRACE);
    Postgres.stopOrphan(paths, pids, STOP_GRACE);
    return stopped;
  }

  /** The launcher recorded in .vigie/vigie.pid, if it is still running. */
  private Optional<ProcessHandle> runningLauncher() {
    try {
      Path pidFile = paths.launcherPidFile();
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
          .filter(process -> process.pid() != ProcessHandle.current().pid())
          .filter(pids::isOurs)
          .filter(process -> process.info().commandLine().orElse("").contains(MAIN_CLASS));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void requireServiceJars(List<ServiceSpec> services) {
    List<String> missing =
        services.stream()
            .map(paths::serviceJar)
            .filter(jar -> !Files.exists(jar))
            .map(paths::display)
            .toList();
    if (!missing.isEmpty()) {
      throw new StartupException(
          "not built: "
              + String.join(", ", missing)
              + " (run ./mvnw install -DskipTests, or ./vigie up --no-services for the"
              + " infrastructure alone)");
    }
  }

  /** Fails early and clearly rather than with a bind error deep in some log. */
  private static void requireFreePorts(List<ServiceSpec> services) {
    String busy =
        Stream.concat(
                Stream.of(
                    Postgres.PORT,
                    KafkaBroker.PORT,
                    KafkaBroker.CONTROLLER_PORT,
                    Keycloak.HTTP_PORT,
                    Keycloak.MANAGEMENT_PORT,
                    MailCatcher.SMTP_PORT,
                    MailCatcher.IMAP_PORT,
                    MonitoringReplica.PORT),
                services.stream().map(ServiceSpec::port))
            .filter(Http::listening)
            .map(String::valueOf)
            .collect(Collectors.joining(", "));
    if (!busy.isEmpty()) {
      throw new StartupException(
          "port(s) "
              + busy
              + " on 127.0.0.1 already in use by something this launcher did not"
              + " start");
    }
  }

  private static void await(Future<?> step) throws Exception {
    try {
      step.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static String names(List<ServiceSpec> services) {
    return services.stream().map(ServiceSpec::name).collect(Collectors.joining(", "));
  }

  private static void ready(String what, long startNanos) {
    Log.info(what + " ready (" + seconds(startNanos) + " s)");
  }

  private static String seconds(long startNanos) {
    return String.format("%.1f", (System.nanoTime() - startNanos) / 1e9);
  }

  private static String upOrDown(boolean up, String where) {
    return (up ? "up     " : "down   ") + where;
  }

  private static void row(StringBuilder out, String name, String state) {
    out.append(String.format("%-20s %s%n", name, state));
  }
}
