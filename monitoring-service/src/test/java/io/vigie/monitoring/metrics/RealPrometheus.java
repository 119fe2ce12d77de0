package io.vigie.monitoring.metrics;

import io.vigie.monitoring.Ports;
import io.vigie.testkit.TestTokens;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus scraping a real node_exporter (Debian's {@code prometheus} and {@code
 * prometheus-node-exporter}; {@code .ci/run} installs them), both on free 127.0.0.1 ports with
 * their files in a fresh directory under {@code target/}, Prometheus remote-writing everything it
 * scrapes to the service under test with an agent's token. {@link #close()} kills both.
 *
 * <pre>
 * try (RealPrometheus prometheus =
 *     RealPrometheus.remoteWritingTo(serviceUrl)
 *         .scrapeLabel("vigie_server_id", serverId)
 *         .ruleFile("load.yml", "groups: [...]")
 *         .start()) {
 *   // node_load1{job="node", instance=prometheus.nodeExporterTarget(), vigie_server_id=...}
 *   // arrives in the MetricHead within a few seconds
 * }
 * </pre>
 *
 * Scrape and rule evaluation every second, a 100 ms batch deadline (a scrape's samples are sent at
 * once rather than up to a second later, which every test waiting for a scrape would sit out),
 * metadata every second (metadata-only requests are part of what a receiver must accept).
 */
public final class RealPrometheus implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final Process nodeExporter;
  private final Process prometheus;
  private final String nodeExporterTarget;
  private final URI prometheusUrl;
  private final Path directory;
  private final Thread killer;

  /** Starts configuring a Prometheus that remote-writes to {@code service}'s /api/v1/write. */
  public static Builder remoteWritingTo(URL service) {
    return new Builder(
        URI.create(service.toString().replaceAll("/$", "") + RemoteWriteResource.PATH));
  }

  /** What the caller may vary: labels on the scraped series, rule files, the token. */
  public static final class Builder {

    private final URI writeUrl;
    private final Map<String, String> scrapeLabels = new LinkedHashMap<>();
    private final Map<String, String> ruleFiles = new LinkedHashMap<>();
    private final List<String> nodeExporterArgs = new ArrayList<>();
    private final Map<String, String> extraTargets = new LinkedHashMap<>();
    private String token = TestTokens.agent();
    private Duration scrapeInterval = Duration.ofSeconds(1);
    private String extraConfig = "";

    private Builder(URI writeUrl) {
      this.writeUrl = writeUrl;
    }

    /** A label Prometheus adds to every series scraped from node_exporter. */
    public Builder scrapeLabel(String name, String value) {
      scrapeLabels.put(name, value);
      return this;
    }

    /** A rule file (recording or alerting rules, Prometheus YAML) loaded by Prometheus. */
    public Builder ruleFile(String fileName, String yaml) {
      ruleFiles.put(fileName, yaml);
      return this;
    }

    /** The bearer token Prometheus sends; the agent's by default. */
    public Builder token(String bearer) {
      this.token = bearer;
      return this;
    }

    public Builder scrapeInterval(Duration interval) {
      this.scrapeInterval = interval;
      return this;
    }

    /** Extra node_exporter flags, e.g. {@code --collector.disable-defaults}. */
    public Builder nodeExporterArgs(String... args) {
      nodeExporterArgs.addAll(List.of(args));
      return this;
    }

    /**
     * Another exporter to scrape as job {@code job} at {@code target} (host:port), with the same
     * {@link #scrapeLabel labels} as node_exporter's series (e.g. the postgres exporter).
     */
    public Builder scrapeTarget(String job, String target) {
      extraTargets.put(job, target);
      return this;
    }

    /** Top-level YAML appended to prometheus.yml as is (an {@code alerting:} section, ...). */
    public Builder extraConfig(String yaml) {
      this.extraConfig = yaml;
      return this;
    }

    /** Starts node_exporter and Prometheus together, and waits until both answer. */
    public RealPrometheus start() throws IOException, InterruptedException {
      return new RealPrometheus(this);
    }
  }

  private RealPrometheus(Builder config) throws IOException, InterruptedException {
    Path target = Path.of("target");
    Files.createDirectories(target);
    directory = Files.createTempDirectory(target, "real-prometheus-");
    int exporterPort = Ports.free();
    int prometheusPort = Ports.free();
    nodeExporterTarget = "127.0.0.1:" + exporterPort;
    prometheusUrl = URI.create("http://127.0.0.1:" + prometheusPort);

    List<String> exporterCommand = new ArrayList<>();
    exporterCommand.add(binary("prometheus-node-exporter", "prometheus-node-exporter"));
    exporterCommand.add("--web.listen-address=" + nodeExporterTarget);
    exporterCommand.addAll(config.nodeExporterArgs);
    nodeExporter = launch(exporterCommand, "node-exporter.log");
    Process startedPrometheus = null;
    try {
      // both start at once: Prometheus opens its storage while node_exporter comes up
      List<String> ruleFiles = new ArrayList<>();
      for (Map.Entry<String, String> rule : config.ruleFiles.entrySet()) {
        Path file = directory.resolve(rule.getKey());
        Files.writeString(file, rule.getValue());
        ruleFiles.add(file.toAbsolutePath().toString());
      }
      Path yml = directory.resolve("prometheus.yml");
      Files.writeString(yml, prometheusYaml(config, ruleFiles));
      startedPrometheus =
          launch(
              List.of(
                  binary("prometheus", "prometheus"),
                  "--config.file=" + yml.toAbsolutePath(),
                  "--storage.tsdb.path=" + directory.resolve("data").toAbsolutePath(),
                  "--web.listen-address=127.0.0.1:" + prometheusPort,
                  "--log.level=info"),
              "prometheus.log");
      awaitHttp(URI.create("http://" + nodeExporterTarget + "/metrics"), nodeExporter);
      awaitHttp(prometheusUrl.resolve("/-/ready"), startedPrometheus);
    } catch (IOException | InterruptedException | RuntimeException e) {
      kill(startedPrometheus);
      kill(nodeExporter);
      throw e;
    }
    prometheus = startedPrometheus;
    killer = new Thread(this::killBoth, "real-prometheus-kill");
    Runtime.getRuntime().addShutdownHook(killer);
  }

  private String prometheusYaml(Builder config, List<String> ruleFiles) {
    String interval = config.scrapeInterval.toMillis() + "ms";
    StringBuilder yaml = new StringBuilder();
    yaml.append("global:\n")
        .append("  scrape_interval: ")
        .append(interval)
        .append('\n')
        .append("  evaluation_interval: ")
        .append(interval)
        .append('\n');
    if (!ruleFiles.isEmpty()) {
      yaml.append("rule_files:\n");
      ruleFiles.forEach(file -> yaml.append("  - ").append(quote(file)).append('\n'));
    }
    yaml.append("scrape_configs:\n");
    Map<String, String> jobs = new LinkedHashMap<>();
    jobs.put("node", nodeExporterTarget);
    jobs.putAll(config.extraTargets);
    jobs.forEach(
        (job, target) -> {
          yaml.append("  - job_name: ")
              .append(quote(job))
              .append('\n')
              .append("    static_configs:\n")
              .append("      - targets: [")
              .append(quote(target))
              .append("]\n");
          if (!config.scrapeLabels.isEmpty()) {
            yaml.append("        labels:\n");
            config.scrapeLabels.forEach(
                (name, value) ->
                    yaml.append("          ")
                        .append(name)
                        .append(": ")
                        .append(quote(value))
                        .append('\n'));
          }
        });
    yaml.append("remote_write:\n")
        .append("  - url: ")
        .append(quote(config.writeUrl.toString()))
        .append('\n')
        // Debian's Prometheus 2.42 needs the type spelt out to send "Bearer"
        .append("    authorization:\n")
        .append("      type: Bearer\n")
        .append("      credentials: ")
        .append(quote(config.token))
        .append('\n')
        .append("    queue_config:\n")
        .append("      batch_send_deadline: 100ms\n")
        .append("      min_backoff: 100ms\n")
        .append("      max_backoff: 1s\n")
        .append("      retry_on_http_429: true\n")
        .append("    metadata_config:\n")
        .append("      send_interval: 1s\n");
    yaml.append(config.extraConfig);
    return yaml.toString();
  }

  /** The Prometheus HTTP API, e.g. {@code prometheusUrl().resolve("/api/v1/alerts")}. */
  public URI prometheusUrl() {
    return prometheusUrl;
  }

  /** The node_exporter address, which is also the {@code instance} label of its series. */
  public String nodeExporterTarget() {
    return nodeExporterTarget;
  }

  /**
   * The sum of one of Prometheus' own counters over all its label sets, read from its /metrics,
   * e.g. {@code prometheus_remote_storage_samples_failed_total}; 0 when it has none yet.
   */
  public double ownMetric(String name) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(prometheusUrl.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    double sum = 0;
    for (String line : answer.body().split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /** Where the configuration, the logs and the TSDB are. */
  public Path directory() {
    return directory;
  }

  /** Both programs' logs so far, to attach to a failed assertion. */
  public String logs() {
    return read("node-exporter.log") + "\n" + read("prometheus.log");
  }

  @Override
  public void close() {
    killBoth();
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException exiting) {
      // the JVM is already shutting down: the hook runs anyway
    }
  }

  private void killBoth() {
    kill(prometheus);
    kill(nodeExporter);
  }

  public static void kill(Process process) {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private Process launch(List<String> command, String log) throws IOException {
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(directory.resolve(log).toFile())
        .start();
  }

  private void awaitHttp(URI uri, Process process) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            command(process) + " exited with " + process.exitValue() + ":\n" + logs());
      }
      try {
        HttpResponse<Void> answer =
            http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(uri + " did not answer within " + STARTUP + ":\n" + logs());
  }

  private static String command(Process process) {
    return process.info().command().orElse("process " + process.pid());
  }

  private String read(String log) {
    try {
      Path file = directory.resolve(log);
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String binary(String name, String debianPackage) {
    for (String dir : new String[] {"/usr/bin", "/usr/local/bin"}) {
      File candidate = new File(dir, name);
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    throw new IllegalStateException(
        "This test runs a real "
            + name
            + ": apt-get install --no-install-recommends "
            + debianPackage);
  }

  private static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
