package io.vigie.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.events.EventJson;
import io.vigie.events.inventory.ClientRegistered;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.events.inventory.ServerRegistered;
import io.vigie.events.monitoring.AlertFired;
import io.vigie.events.monitoring.MonitoringEvents;
import io.vigie.events.ticket.TicketEvents;
import io.vigie.events.ticket.TicketOpened;
import io.vigie.testkit.KafkaResource;
import io.vigie.testkit.PostgresResource;
import io.vigie.testkit.TestTokens;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.header.Header;

/**
 * Alert to page: an {@code AlertFired} published on {@code monitoring.events} as
 * monitoring-service's outbox relay publishes it, until the first notification email of the page it
 * causes is accepted by a real SMTP server (Debian's aiosmtpd, started here, keeping each message
 * in a maildir; the acceptance instant is the message file's modification time, written by the
 * server before it answers 250). ticket-service runs at its default settings (page watch every 0.5
 * s) with one default escalation policy paging one person by email at once. The floor in the same
 * run: a plain Kafka consumer of the same records. Shares the alert, inventory and publishing code
 * of {@link AlertToTicketBenchmark}. See benchmarks/README.md.
 */
public final class AlertToPageBenchmark {

  private static final ObjectMapper EVENTS = EventJson.newMapper();
  private static final String PREFIX = "vigie.bench.page.";
  private static final Duration ACCEPTED_TIMEOUT = Duration.ofSeconds(60);
  private static final int WARMUP_ALERTS = 20;
  private static final String PERSON = "bench-oncall";
  private static final Pattern REFERENCE = Pattern.compile("INC-\\d{4}-\\d{6}");

  /**
   * @param alerts alerts published in the measured part
   * @param alertsPerSecond their pace (open loop)
   * @param clients clients registered, each alert affecting the next one in turn
   */
  record Settings(
      int alerts,
      double alertsPerSecond,
      int clients,
      String serviceHeap,
      Path root,
      String command,
      Map<String, String> serviceEnv) {

    static Settings fromSystemProperties() {
      Map<String, String> env = new TreeMap<>();
      System.getProperties()
          .stringPropertyNames()
          .forEach(
              name -> {
                if (name.startsWith("vigie.bench.env.")) {
                  env.put(name.substring("vigie.bench.env.".length()), System.getProperty(name));
                }
              });
      return new Settings(
          Integer.getInteger(PREFIX + "alerts", 200),
          Double.parseDouble(System.getProperty(PREFIX + "alertsPerSecond", "4")),
          Integer.getInteger(PREFIX + "clients", 10),
          System.getProperty(PREFIX + "serviceHeap", "512m"),
          Path.of(System.getProperty("vigie.root", ".")).toAbsolutePath().normalize(),
          System.getProperty("vigie.bench.command", "benchmarks/run-alert-to-page.sh"),
          env);
    }

    boolean isDefault() {
      return alerts == 200
          && alertsPerSecond == 4
          && clients == 10
          && serviceHeap.equals("512m")
          && serviceEnv.isEmpty();
    }
  }

  /** One alert: wall-clock instants for the SMTP leg, nanoTime for the Kafka legs; 0 = never. */
  record Alert(
      String fingerprint,
      Instant sentAt,
      long sentNanos,
      long consumedNanos,
      long openedNanos,
      Instant acceptedAt) {

    boolean accepted() {
      return acceptedAt != null;
    }

    double acceptedMs() {
      return Duration.between(sentAt, acceptedAt).toNanos() / 1e6;
    }

    double openedMs() {
      return (openedNanos - sentNanos) / 1e6;
    }

    double consumedMs() {
      return (consumedNanos - sentNanos) / 1e6;
    }
  }

  private final Settings settings;
  private final HttpClient http = Bench.httpClient();
  private URI base;

  private AlertToPageBenchmark(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) {
    Bench.main(() -> new AlertToPageBenchmark(Settings.fromSystemProperties()).run());
  }

  private void run() throws Exception {
    Instant started = Instant.now();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Machine machine = Machine.describe(java);
    String loadBefore = Machine.loadAverage();
    String revision = Machine.revision(settings.root());
    Path work = settings.root().resolve("benchmarks/target/alert-to-page");

    say("starting embedded PostgreSQL and Kafka");
    int pgPort = PostgresResource.server().getPort();
    String kafka = KafkaResource.bootstrapServers();
    Database database = new Database(pgPort);
    String postgres = database.describeServer();
    database.createDatabase("ticket");

    // aiosmtpd's Mailbox creates the maildir only when it does not exist yet
    Path maildir = work.resolve("maildir");
    deleteTree(maildir);
    int smtpPort = Machine.freePort();
    List<String> smtpCommand =
        List.of(
            "/usr/bin/python3",
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            "127.0.0.1:" + smtpPort,
            "-c",
            "aiosmtpd.handlers.Mailbox",
            maildir.toString());
    int port = Machine.freePort();
    Map<String, String> env = ServiceProcess.environment(port, pgPort, "ticket", kafka);
    env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
    env.put("QUARKUS_MAILER_PORT", Integer.toString(smtpPort));
    env.putAll(settings.serviceEnv());
    Path jar = settings.root().resolve("ticket-service/target/quarkus-app/quarkus-run.jar");
    Path log = settings.root().resolve("benchmarks/target/ticket-service.log");
    base = URI.create("http://127.0.0.1:" + port);
    String markdown;
    try (ExternalProcess smtp =
            ExternalProcess.start(smtpCommand, work, work.resolve("aiosmtpd.log"));
        ServiceProcess service =
            ServiceProcess.start(
                java,
                settings.serviceHeap(),
                jar,
                settings.root().resolve("benchmarks/target/ticket-service"),
                log,
                env);
        KafkaProducer<String, String> producer = AlertToTicketBenchmark.producer(kafka);
        AlertToTicketBenchmark.FloorConsumer floor =
            new AlertToTicketBenchmark.FloorConsumer(kafka);
        ParentWatcher parents = new ParentWatcher(kafka);
        Mailbox mailbox = new Mailbox(maildir.resolve("new"))) {
      awaitListening(smtpPort, Duration.ofSeconds(30));
      say("aiosmtpd on 127.0.0.1:" + smtpPort + ", ticket-service on 127.0.0.1:" + port);
      service.awaitReady(base.resolve("/q/health/ready"), Duration.ofMinutes(3));

      List<String> tenants = new ArrayList<>();
      UUID server = UUID.randomUUID();
      AlertToTicketBenchmark.publish(
          producer,
          InventoryEvents.TOPIC,
          new ServerRegistered(AlertToTicketBenchmark.serverSnapshot(server)));
      for (int i = 0; i < settings.clients(); i++) {
        String code = String.format(Locale.ROOT, "bench-client-%02d", i + 1);
        tenants.add(code);
        AlertToTicketBenchmark.publish(
            producer,
            InventoryEvents.TOPIC,
            new ClientRegistered(
                new ClientSnapshot(
                    UUID.randomUUID(),
                    code,
                    code + " SAS",
                    "ops@" + code + ".example",
                    AlertToTicketBenchmark.contract(),
                    1)));
      }
      onCall();
      say("one person on call by email, one default escalation policy");

      for (int i = 0; i < WARMUP_ALERTS; i++) {
        AlertFired fired = AlertToTicketBenchmark.alert(server, tenants.get(i % tenants.size()));
        Instant sentAt = Instant.now();
        AlertToTicketBenchmark.publish(producer, MonitoringEvents.TOPIC, fired);
        Instant accepted =
            awaitAccepted(parents, mailbox, fired.fingerprint(), sentAt.plus(ACCEPTED_TIMEOUT));
        if (accepted == null) {
          throw new IllegalStateException(
              "A warm-up alert's page never reached the SMTP server: see "
                  + "benchmarks/target/ticket-service.log");
        }
        if (i == 0 || i == WARMUP_ALERTS - 1) {
          say(
              "warm-up alert "
                  + (i + 1)
                  + ": email accepted after "
                  + Distribution.ms(Duration.between(sentAt, accepted).toNanos() / 1e6));
        }
      }

      Machine.Calm calm = Machine.awaitCalm("the alert run");
      say(
          "publishing "
              + settings.alerts()
              + " AlertFired at "
              + settings.alertsPerSecond()
              + "/s");
      long pace = (long) (1e9 / settings.alertsPerSecond());
      long t0 = System.nanoTime();
      List<String> fingerprints = new ArrayList<>();
      Map<String, Instant> sentAt = new ConcurrentHashMap<>();
      Map<String, Long> sentNanos = new ConcurrentHashMap<>();
      for (int i = 0; i < settings.alerts(); i++) {
        long wait = t0 + i * pace - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(Duration.ofNanos(wait));
        }
        AlertFired fired = AlertToTicketBenchmark.alert(server, tenants.get(i % tenants.size()));
        sentAt.put(fired.fingerprint(), Instant.now());
        sentNanos.put(fired.fingerprint(), System.nanoTime());
        AlertToTicketBenchmark.publish(producer, MonitoringEvents.TOPIC, fired);
        fingerprints.add(fired.fingerprint());
      }
      Instant until = Instant.now().plus(ACCEPTED_TIMEOUT);
      List<Alert> alerts = new ArrayList<>();
      for (String f : fingerprints) {
        Instant accepted = awaitAccepted(parents, mailbox, f, until);
        alerts.add(
            new Alert(
                f,
                sentAt.get(f),
                sentNanos.get(f),
                floor.receivedNanos(f),
                parents.openedNanos(f),
                accepted));
      }
      markdown =
          report(
              machine,
              loadBefore,
              Machine.loadAverage(),
              started,
              revision,
              postgres,
              calm,
              service.command(),
              smtp.command(),
              alerts,
              mailbox.count(),
              service.tail(2000).lines().filter(l -> l.contains(" ERROR ")).toList());
    }
    Bench.writeResults(settings.root(), "alert-to-page", started, settings.isDefault(), markdown);
  }

  /** One person paged by email at once, on the default policy (every client, every priority). */
  private void onCall() throws Exception {
    String admin = TestTokens.admin();
    send(
        "PUT",
        "/api/v1/on-call/people/" + PERSON,
        admin,
        "{\"name\":\"Bench on-call\",\"contactMethods\":[{\"name\":\"mail\",\"kind\":\"EMAIL\","
            + "\"address\":\""
            + PERSON
            + "@hoster.example\"}],\"notificationRules\":[{\"contact\":\"mail\",\"after\":\"PT0S\"}]}",
        200);
    send(
        "POST",
        "/api/v1/on-call/policies",
        admin,
        "{\"name\":\"Bench default\",\"steps\":[{\"targets\":[{\"kind\":\"PERSON\",\"id\":\""
            + PERSON
            + "\"}],\"delay\":\"PT30M\"}],\"repeat\":0}",
        201);
  }

  private void send(String method, String path, String token, String body, int expected)
      throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  /** When the SMTP server accepted the page of the alert's incident; null by {@code until}. */
  private static Instant awaitAccepted(
      ParentWatcher parents, Mailbox mailbox, String fingerprint, Instant until)
      throws InterruptedException {
    while (Instant.now().isBefore(until)) {
      String reference = parents.reference(fingerprint);
      Instant accepted = reference == null ? null : mailbox.accepted(reference);
      if (accepted != null) {
        return accepted;
      }
      Thread.sleep(10);
    }
    return null;
  }

  private static void awaitListening(int port, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("aiosmtpd is not listening on " + port);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * The page's subject names the incident it is for ({@code [Vigie] P1 INC-2026-000042 …}): the
   * alert's internal parent incident, which is the one paged. Reads {@code ticket.events} as the
   * on-call part does and notes each parent's reference by the alert's fingerprint.
   */
  private static final class ParentWatcher implements AutoCloseable {
    private final Map<String, String> references = new ConcurrentHashMap<>();
    private final Map<String, Long> opened = new ConcurrentHashMap<>();
    private final TopicTail tail;

    ParentWatcher(String kafka) throws InterruptedException {
      tail = new TopicTail(kafka, TicketEvents.TOPIC, "bench-parents", this::seen);
    }

    private void seen(ConsumerRecord<String, String> record, long now) {
      Header type = record.headers().lastHeader("ce_type");
      if (type == null
          || !TicketEvents.TICKET_OPENED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
        return;
      }
      try {
        TicketOpened event = EVENTS.readValue(record.value(), TicketOpened.class);
        if (event.alertFingerprint() != null && event.ticket().tenant() == null) {
          references.put(event.alertFingerprint(), event.ticket().reference());
          opened.put(event.alertFingerprint(), now);
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    String reference(String fingerprint) {
      return references.get(fingerprint);
    }

    long openedNanos(String fingerprint) {
      return opened.getOrDefault(fingerprint, 0L);
    }

    @Override
    public void close() throws InterruptedException {
      tail.close();
    }
  }

  /**
   * The SMTP server's maildir, scanned every 10 ms: each message's incident reference (from its
   * subject) and its acceptance instant (the file's modification time, set by the server).
   */
  private static final class Mailbox implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Instant> accepted = new ConcurrentHashMap<>();
    private final Set<Path> read = ConcurrentHashMap.newKeySet();
    private final Thread thread;

    Mailbox(Path dir) {
      thread =
          Thread.ofPlatform()
              .name("bench-maildir")
              .start(
                  () -> {
                    while (running.get()) {
                      scan(dir);
                      try {
                        Thread.sleep(10);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
    }

    private void scan(Path dir) {
      if (!Files.isDirectory(dir)) {
        return;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.toList()) {
          if (read.contains(p)) {
            continue;
          }
          Instant at = Files.getLastModifiedTime(p).toInstant();
          String subject = subject(Files.readString(p, StandardCharsets.UTF_8));
          Matcher m = REFERENCE.matcher(subject);
          if (m.find()) {
            accepted.merge(m.group(), at, (a, b) -> a.isBefore(b) ? a : b);
          }
          read.add(p);
        }
      } catch (IOException e) {
        // a file being renamed into new/ while listed: the next scan reads it
      }
    }

    private static String subject(String raw) {
      for (String line : raw.split("\r?\n")) {
        if (line.isEmpty()) {
          break;
        }
        if (line.regionMatches(true, 0, "Subject:", 0, 8)) {
          return line.substring(8).strip();
        }
      }
      return "";
    }

    Instant accepted(String reference) {
      return accepted.get(reference);
    }

    int count() {
      return read.size();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(Duration.ofSeconds(10));
    }
  }

  private String report(
      Machine machine,
      String loadBefore,
      String loadAfter,
      Instant started,
      String revision,
      String postgres,
      Machine.Calm calm,
      List<String> serviceCommand,
      List<String> smtpCommand,
      List<Alert> alerts,
      int messages,
      List<String> errors) {
    List<Alert> accepted = alerts.stream().filter(Alert::accepted).toList();
    Distribution page = Distribution.of(accepted.stream().map(Alert::acceptedMs).toList());
    Distribution opened =
        Distribution.of(
            alerts.stream().filter(a -> a.openedNanos() > 0).map(Alert::openedMs).toList());
    Distribution floor =
        Distribution.of(
            alerts.stream().filter(a -> a.consumedNanos() > 0).map(Alert::consumedMs).toList());
    StringBuilder md = new StringBuilder();
    md.append("# Alert to page — ").append(started).append("\n\n");
    md.append("Command: `").append(settings.command()).append("`");
    if (!settings.isDefault()) {
      md.append(" (non-default parameters: not for committing)");
    }
    md.append("\n\n");
    md.append(
        "**The machine is shared**: 2 cores used at the same time by other engineers' builds and"
            + " tests; the load averages below show how busy it was. A rerun on a quiet machine"
            + " is due.\n\n");
    md.append("## Machine\n\n");
    machine.appendMarkdown(md, loadBefore, loadAfter);
    md.append("- 1-minute load when the measured part started: ")
        .append(calm.describe())
        .append('\n');
    md.append("- Revision: ").append(revision).append('\n');
    md.append("- PostgreSQL: ").append(postgres).append(" (test kit's embedded server)\n");
    md.append("- ticket-service: `").append(String.join(" ", serviceCommand)).append("`\n");
    md.append("- SMTP server: `").append(String.join(" ", smtpCommand)).append("`\n\n");
    md.append("## What was measured\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%d `AlertFired` (severity critical, one client each, %d clients in turn) published on"
                + " `monitoring.events` as monitoring-service's outbox relay publishes them, one"
                + " every %.0f ms (open loop). Each opens an internal parent incident and a client"
                + " incident; the parent's `responder-needed` opens its page on the default"
                + " escalation policy (one person, email at once), and the page watch (default"
                + " settings: every 0.5 s) sends the email. Measured: from the moment the alert was"
                + " handed to the Kafka producer (wall clock) until aiosmtpd accepted the email"
                + " (its maildir file's modification time, written before it answers 250),"
                + " matched by the incident reference in the subject. Also: until the parent's"
                + " `ticket-opened` is seen on `ticket.events`; the floor is a plain Kafka"
                + " consumer of `monitoring.events`, same run. %d alerts went through first"
                + " (unmeasured).\n\n",
            settings.alerts(),
            settings.clients(),
            1000 / settings.alertsPerSecond(),
            WARMUP_ALERTS));
    md.append("## Results\n\n");
    md.append("| measure | n | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|\n");
    md.append("| **AlertFired → first page email accepted by the SMTP server** | ")
        .append(page.count())
        .append(" | ")
        .append(page.percentileCells())
        .append(" |\n");
    md.append("| AlertFired → parent incident's `ticket-opened` seen | ")
        .append(opened.count())
        .append(" | ")
        .append(opened.percentileCells())
        .append(" |\n");
    md.append("| floor: AlertFired → plain Kafka consumer | ")
        .append(floor.count())
        .append(" | ")
        .append(floor.percentileCells())
        .append(" |\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- Alerts whose page email never arrived within %d s: %d of %d; messages received in"
                + " all (warm-up included): %d.\n"
                + "- Target (issue 9): p99 under 2 s at the default settings — %s.\n\n",
            ACCEPTED_TIMEOUT.toSeconds(),
            alerts.size() - accepted.size(),
            alerts.size(),
            messages,
            accepted.size() == alerts.size() && page.percentile(99) < 2000
                ? "**met**"
                : "**not met**"));
    md.append("Service log ERROR lines during the run: ").append(errors.size()).append('\n');
    errors.stream().limit(5).forEach(e -> md.append("    ").append(e).append('\n'));
    return md.toString();
  }

  private static void say(String line) {
    System.out.println("[bench] " + line);
  }
}
