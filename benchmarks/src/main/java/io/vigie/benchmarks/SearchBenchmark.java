package io.vigie.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.events.inventory.ClientRegistered;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.testkit.KafkaResource;
import io.vigie.testkit.PostgresResource;
import io.vigie.testkit.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Knowledge-base search latency (issue 16): ticket-service's {@code GET /api/v1/articles/search}
 * over a corpus of a few thousand articles in French and English written through the real API, at
 * 1, 8 and 32 concurrent clients (wrk), beside pgbench running the same SQL at the highest
 * concurrency on the same PostgreSQL server, in one run. See benchmarks/README.md.
 */
public final class SearchBenchmark {

  static final String DATABASE = "ticket";
  static final String SEARCH_PATH = "/api/v1/articles/search";
  static final String SQL_SCRIPT = "benchmarks/sql/search.sql";
  static final String WRK_SCRIPT = "benchmarks/wrk/search.lua";

  /** Slots of the mix, out of 20 (as benchmarks/sql/search.sql draws them). */
  static final int STAFF_SLOTS = 10;

  static final int KIND_SLOTS = 3;
  static final int SLOTS = 20;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "vigie.bench.";

  /**
   * The run's parameters ({@code -Dvigie.bench.search.articles=500}).
   *
   * @param articles articles written before measuring (rounded up to ten per host)
   * @param clients clients (tenants) the articles and client searches are spread over
   * @param concurrencies wrk connections of the measured API runs, in order
   * @param loadConcurrency concurrent POSTs while writing the corpus
   */
  record Settings(
      int articles,
      int clients,
      List<Integer> concurrencies,
      int loadConcurrency,
      Duration warmup,
      Duration duration,
      int wrkThreads,
      int pgbenchThreads,
      String serviceHeap,
      String wrk,
      String pgbench,
      Map<String, String> serviceEnv) {

    static Settings fromSystemProperties() {
      Map<String, String> env = new TreeMap<>();
      System.getProperties()
          .stringPropertyNames()
          .forEach(
              name -> {
                if (name.startsWith(PREFIX + "env.")) {
                  env.put(name.substring((PREFIX + "env.").length()), System.getProperty(name));
                }
              });
      return new Settings(
          Integer.getInteger(PREFIX + "search.articles", 3000),
          Integer.getInteger(PREFIX + "search.clients", 10),
          Arrays.stream(System.getProperty(PREFIX + "search.concurrencies", "1,8,32").split(","))
              .map(String::strip)
              .map(Integer::valueOf)
              .toList(),
          Integer.getInteger(PREFIX + "search.loadConcurrency", 8),
          Duration.ofSeconds(Long.getLong(PREFIX + "warmupSeconds", 10)),
          Duration.ofSeconds(Long.getLong(PREFIX + "durationSeconds", 30)),
          Integer.getInteger(PREFIX + "wrkThreads", 2),
          Integer.getInteger(PREFIX + "pgbenchThreads", 2),
          System.getProperty(PREFIX + "serviceHeap", "512m"),
          System.getProperty(PREFIX + "wrk"),
          System.getProperty(PREFIX + "pgbench"),
          env);
    }

    /** Whether every measurement parameter has its default (a result to commit needs this). */
    boolean isDefault() {
      return articles == 3000
          && clients == 10
          && concurrencies.equals(List.of(1, 8, 32))
          && loadConcurrency == 8
          && warmup.toSeconds() == 10
          && duration.toSeconds() == 30
          && wrkThreads == 2
          && pgbenchThreads == 2
          && serviceHeap.equals("512m")
          && serviceEnv.isEmpty();
    }

    int peak() {
      return concurrencies.stream().mapToInt(Integer::intValue).max().orElse(32);
    }

    Map<String, String> describe() {
      Map<String, String> shown = new LinkedHashMap<>();
      shown.put(PREFIX + "search.articles", Integer.toString(articles));
      shown.put(PREFIX + "search.clients", Integer.toString(clients));
      shown.put(
          PREFIX + "search.concurrencies",
          String.join(",", concurrencies.stream().map(String::valueOf).toList()));
      shown.put(PREFIX + "search.loadConcurrency", Integer.toString(loadConcurrency));
      shown.put(PREFIX + "warmupSeconds", Long.toString(warmup.toSeconds()));
      shown.put(PREFIX + "durationSeconds", Long.toString(duration.toSeconds()));
      shown.put(PREFIX + "wrkThreads", Integer.toString(wrkThreads));
      shown.put(PREFIX + "pgbenchThreads", Integer.toString(pgbenchThreads));
      shown.put(PREFIX + "serviceHeap", serviceHeap);
      serviceEnv.forEach((name, value) -> shown.put(PREFIX + "env." + name, value));
      return shown;
    }
  }

  /** One line of the request mix: the shape (staff, staff-kind, client), question, client. */
  record Line(String shape, String q, String tenant) {

    String path() {
      String path = SEARCH_PATH + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
      path = path.replace("+", "%20");
      return switch (shape) {
        case "staff-kind" -> path + "&kind=RUNBOOK";
        case "client" -> path + "&total=true";
        default -> path;
      };
    }
  }

  /** A measured run: wrk's result and the machine's CPUs meanwhile. */
  record Measured(
      int concurrency,
      WrkLoad.Result result,
      CpuMeter.Usage cpu,
      Machine.Calm calm,
      String loadAtStart,
      String loadAtEnd,
      Instant startedAt,
      Instant endedAt) {}

  private final Settings settings;
  private final Path root;
  private final Path target;
  private final String command;
  private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
  private final HttpClient http = Bench.httpClient();
  private long ticksPerSecond = 100;
  private URI base;

  private SearchBenchmark(Settings settings, Path root, String command) {
    this.settings = settings;
    this.root = root;
    this.target = root.resolve("benchmarks/target");
    this.command = command;
  }

  public static void main(String[] args) {
    Bench.main(
        () -> {
          io.vigie.benchmarks.Settings common = io.vigie.benchmarks.Settings.fromSystemProperties();
          new SearchBenchmark(Settings.fromSystemProperties(), common.root(), common.command())
              .run();
        });
  }

  private void run() throws Exception {
    Instant started = Instant.now();
    String revision = Machine.revision(root);
    Path pgbenchPath = PgBench.locate(settings.pgbench());
    Path wrkPath = WrkLoad.locate(settings.wrk());
    Path jar = root.resolve("ticket-service/target/quarkus-app/quarkus-run.jar");
    Path script = root.resolve(SQL_SCRIPT);
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException("pgbench script missing: " + script);
    }
    Machine machine = Machine.describe(java);
    String loadBefore = Machine.loadAverage();
    ticksPerSecond = CpuMeter.ticksPerSecond();
    WrkLoad wrk = new WrkLoad(wrkPath, root.resolve(WRK_SCRIPT), target.resolve("wrk-logs"));

    say("starting embedded PostgreSQL and Kafka");
    int pgPort = PostgresResource.server().getPort();
    String kafka = KafkaResource.bootstrapServers();
    Database db = new Database(pgPort);
    db.createDatabase(DATABASE);
    String postgresVersion = db.describeServer();
    CpuMeter cpu = CpuMeter.forPostgresOnPort(pgPort);
    String jdbc = db.jdbcUrl(DATABASE);

    List<String> tenants = new ArrayList<>();
    for (int i = 0; i < settings.clients(); i++) {
      tenants.add(String.format(Locale.ROOT, "bench-client-%02d", i + 1));
    }
    SearchCorpus texts = SearchCorpus.load(root);
    List<SearchCorpus.Article> corpus = texts.articles(settings.articles(), tenants);
    List<Line> lines = mix(texts.loadQueries(), tenants);

    int port = Machine.freePort();
    base = URI.create("http://127.0.0.1:" + port);
    Map<String, String> env = ServiceProcess.environment(port, pgPort, DATABASE, kafka);
    Path recording = target.resolve("ticket-service/search.jfr").toAbsolutePath();
    Files.createDirectories(recording.getParent());
    Files.deleteIfExists(recording);
    env.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,filename=" + recording);
    env.putAll(settings.serviceEnv());

    List<Measured> runs = new ArrayList<>();
    Map<String, Long> statements;
    List<String> serviceCommand;
    Duration loading;
    List<String> misses = new ArrayList<>();
    Map<String, long[]> hits = new LinkedHashMap<>();
    say("starting ticket-service on 127.0.0.1:" + port + " (log: target/ticket-service.log)");
    try (ServiceProcess service =
            ServiceProcess.start(
                java,
                settings.serviceHeap(),
                jar,
                target.resolve("ticket-service"),
                target.resolve("ticket-service.log"),
                env);
        KafkaProducer<String, String> producer = AlertToTicketBenchmark.producer(kafka)) {
      serviceCommand = service.command();
      service.awaitReady(base.resolve("/q/health/ready"), Duration.ofMinutes(3));
      for (String tenant : tenants) {
        AlertToTicketBenchmark.publish(
            producer,
            InventoryEvents.TOPIC,
            new ClientRegistered(
                new ClientSnapshot(
                    UUID.randomUUID(),
                    tenant,
                    tenant + " SAS",
                    "ops@" + tenant + ".example",
                    AlertToTicketBenchmark.contract(),
                    1)));
      }

      // the corpus, through the API as staff: targets first (their ids), one article per client
      // until the client is known (inventory.events read), then the rest at loadConcurrency
      say("writing " + SearchCorpus.describe(corpus) + " through POST /api/v1/articles");
      long loadStart = System.nanoTime();
      Map<String, String> idByTitle = new HashMap<>();
      boolean[] written = new boolean[corpus.size()];
      for (int i = 0; i < texts.targets().size(); i++) {
        idByTitle.put(corpus.get(i).title(), create(corpus.get(i), Duration.ZERO));
        written[i] = true;
      }
      for (String tenant : tenants) {
        for (int i = 0; i < corpus.size(); i++) {
          if (!written[i] && tenant.equals(corpus.get(i).tenant())) {
            create(corpus.get(i), Duration.ofSeconds(60));
            written[i] = true;
            break;
          }
        }
      }
      List<SearchCorpus.Article> rest = new ArrayList<>();
      for (int i = 0; i < corpus.size(); i++) {
        if (!written[i]) {
          rest.add(corpus.get(i));
        }
      }
      AtomicInteger next = new AtomicInteger();
      String staff = "Bearer " + TestTokens.engineer();
      HttpLoad.Result load =
          HttpLoad.run(
              http,
              "corpus",
              settings.loadConcurrency(),
              Duration.ofMinutes(30),
              rest.size(),
              () -> post(rest.get(next.getAndIncrement()), staff));
      if (load.errors() > 0) {
        throw new IllegalStateException("Writing the corpus failed: " + load.sampleError());
      }
      loading = Duration.ofNanos(System.nanoTime() - loadStart);
      long count = count(jdbc, "select count(*) from article where status = 'PUBLISHED'");
      if (count != corpus.size()) {
        throw new IllegalStateException(count + " articles published, " + corpus.size() + " sent");
      }
      say(
          String.format(
              Locale.ROOT,
              "%d articles written in %.1f s (%.0f per second)",
              count,
              loading.toNanos() / 1e9,
              count / (loading.toNanos() / 1e9)));
      db.vacuumAnalyze(DATABASE);

      // the quality test's queries on the scaled corpus, and how many articles each query finds
      for (Map.Entry<String, String> q : texts.qualityQueries().entrySet()) {
        JsonNode page = search(q.getKey(), staff, "&size=5");
        String first =
            page.get("items").isEmpty() ? null : page.get("items").get(0).get("id").asText();
        if (!idByTitle.get(q.getValue()).equals(first)) {
          misses.add(
              q.getKey()
                  + " → "
                  + (first == null ? "nothing" : page.get("items").get(0).get("title").asText()));
        }
      }
      String client = "Bearer " + TestTokens.client(tenants.get(0));
      for (String q : texts.loadQueries()) {
        hits.put(
            q,
            new long[] {
              search(q, staff, "&size=1&total=true").get("total").asLong(),
              search(q, client, "&size=1&total=true").get("total").asLong()
            });
      }
      say(
          (texts.qualityQueries().size() - misses.size())
              + " of "
              + texts.qualityQueries().size()
              + " quality queries rank the expected article first at this scale");

      // the measured runs, lowest concurrency first
      statements = Map.of();
      for (int concurrency : settings.concurrencies()) {
        int threads = Math.min(settings.wrkThreads(), concurrency);
        String name = "search-c" + concurrency;
        Machine.Calm calm = Machine.awaitCalm("the " + concurrency + "-client search run");
        say(name + " (warm-up, " + settings.warmup().toSeconds() + " s)");
        boolean sample = concurrency == settings.peak();
        StatementSampler sampler = sample ? StatementSampler.start(jdbc) : null;
        try {
          wrk.run(
              name + "-warmup",
              base.toString(),
              concurrency,
              threads,
              settings.warmup(),
              "",
              List.of(requestFile(lines).toString()));
          if (sampler != null) {
            statements = sampler.stop();
          }
        } finally {
          if (sampler != null) {
            sampler.close();
          }
        }
        say(name + " (" + settings.duration().toSeconds() + " s)");
        Path requests = requestFile(lines);
        String loadAtStart = Machine.loadAverage();
        CpuMeter.Sample before = cpu.sample(service.pid());
        Instant startedAt = Instant.now();
        WrkLoad.Result result =
            wrk.run(
                name,
                base.toString(),
                concurrency,
                threads,
                settings.duration(),
                "",
                List.of(requests.toString()));
        Instant endedAt = Instant.now();
        CpuMeter.Usage usage = CpuMeter.between(before, cpu.sample(service.pid()));
        Measured m =
            new Measured(
                concurrency,
                result,
                usage,
                calm,
                loadAtStart,
                Machine.loadAverage(),
                startedAt,
                endedAt);
        runs.add(m);
        say(
            String.format(
                Locale.ROOT,
                "  %.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, %d errors; CPU %% %s;"
                    + " service %.3f ms, PostgreSQL %.3f ms CPU per request",
                result.perSecond(),
                result.percentileMs(50),
                result.percentileMs(99),
                result.maxMs(),
                result.errors(),
                usage.summary(),
                perRequest(usage.trackedTicks(), result.requests()),
                perRequest(usage.postgresTicks(), result.requests())));
        if (result.errors() > 0) {
          say("  errors: see target/wrk-logs/" + name + ".log and target/ticket-service.log");
        }
      }
      say("stopping ticket-service: pgbench gets the machine to itself, as the API did");
    }

    JfrProfile profile = null;
    Measured peakRun = runs.get(runs.size() - 1);
    if (Files.isRegularFile(recording)) {
      profile = JfrProfile.of(recording, peakRun.startedAt(), peakRun.endedAt());
    }

    // the floor: the same SQL from pgbench at the highest concurrency
    Map<String, Integer> perShape = writeQueryTable(jdbc, lines);
    PgBench pgbench =
        new PgBench(pgbenchPath, "127.0.0.1", pgPort, DATABASE, Database.USER, Database.PASSWORD);
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("staffqueries", Integer.toString(perShape.get("staff")));
    vars.put("kindqueries", Integer.toString(perShape.get("staff-kind")));
    vars.put("clientqueries", Integer.toString(perShape.get("client")));
    vars.put("kind", "RUNBOOK");
    Machine.Calm pgCalm = Machine.awaitCalm("pgbench");
    say("pgbench search (warm-up, " + settings.warmup().toSeconds() + " s)");
    pgbench.run(
        "search",
        script,
        settings.peak(),
        Math.min(settings.pgbenchThreads(), settings.peak()),
        settings.warmup(),
        vars,
        null);
    say("pgbench search (" + settings.duration().toSeconds() + " s)");
    Path logs = target.resolve("pgbench-logs");
    String pgLoadAtStart = Machine.loadAverage();
    CpuMeter.Sample before = cpu.sample();
    PgBench.Result floor =
        pgbench.run(
            "search",
            script,
            settings.peak(),
            Math.min(settings.pgbenchThreads(), settings.peak()),
            settings.duration(),
            vars,
            logs);
    CpuMeter.Usage floorCpu = CpuMeter.between(before, cpu.sample());
    String pgLoadAtEnd = Machine.loadAverage();
    floor = pgbench.withLoggedLatencies(floor, logs);
    say(
        String.format(
            Locale.ROOT,
            "  %.0f tps, p50 %.2f ms, p99 %.2f ms, %d failed; CPU %% %s",
            floor.tps(),
            floor.percentileMs(50),
            floor.percentileMs(99),
            floor.failed(),
            floorCpu.summary()));

    Map<String, String> plans = explain(jdbc, Files.readString(script), tenants.get(0));

    String markdown =
        report(
            started,
            revision,
            machine,
            loadBefore,
            Machine.loadAverage(),
            postgresVersion,
            pgbench.version(),
            wrk.version(),
            serviceCommand,
            texts,
            corpus,
            loading,
            lines,
            misses,
            hits,
            runs,
            statements,
            floor,
            floorCpu,
            pgCalm,
            pgLoadAtStart,
            pgLoadAtEnd,
            Files.readString(script),
            plans,
            profile);
    Bench.writeResults(root, "search", started, settings.isDefault(), markdown);
  }

  /**
   * The request mix: 20 slots (10 staff searches, 3 of runbooks, 7 client searches with their
   * count) per round, one round per question, so each slot asks every question once; clients in
   * turn.
   */
  static List<Line> mix(List<String> queries, List<String> tenants) {
    List<Line> lines = new ArrayList<>();
    for (int round = 0; round < queries.size(); round++) {
      for (int slot = 0; slot < SLOTS; slot++) {
        String q = queries.get((round + slot) % queries.size());
        String shape =
            slot < STAFF_SLOTS
                ? "staff"
                : slot < STAFF_SLOTS + KIND_SLOTS ? "staff-kind" : "client";
        String tenant =
            shape.equals("client") ? tenants.get((round * SLOTS + slot) % tenants.size()) : null;
        lines.add(new Line(shape, q, tenant));
      }
    }
    return lines;
  }

  /** The mix for wrk, with fresh tokens (an engineer's; each client's own). */
  private Path requestFile(List<Line> lines) throws IOException {
    String staff = TestTokens.engineer();
    Map<String, String> clients = new HashMap<>();
    StringBuilder text = new StringBuilder();
    for (Line line : lines) {
      String token =
          line.tenant() == null
              ? staff
              : clients.computeIfAbsent(line.tenant(), TestTokens::client);
      text.append(line.path()).append('\t').append(token).append('\n');
    }
    Path file = target.resolve("wrk-logs/search-requests.tsv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  /** bench.search_query: the same questions and clients per shape, numbered from 1. */
  private static Map<String, Integer> writeQueryTable(String jdbc, List<Line> lines)
      throws SQLException {
    Map<String, Integer> perShape = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(jdbc, Database.USER, Database.PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("create schema bench");
      s.execute(
          "create table bench.search_query (shape text, n int, q text not null, tenant text,"
              + " primary key (shape, n))");
      try (PreparedStatement insert =
          c.prepareStatement("insert into bench.search_query values (?, ?, ?, ?)")) {
        for (Line line : lines) {
          int n = perShape.merge(line.shape(), 1, Integer::sum);
          insert.setString(1, line.shape());
          insert.setInt(2, n);
          insert.setString(3, line.q());
          insert.setString(4, line.tenant());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      s.execute("analyze bench.search_query");
    }
    return perShape;
  }

  private static final Pattern VARIABLE = Pattern.compile("(?<![:\\w]):([a-z]+)");

  /**
   * EXPLAIN (ANALYZE, BUFFERS) of the script's search statements for a broad question (one word
   * found in hundreds of articles), a precise one and a misspelt one, as staff; the broad one as a
   * client too.
   */
  static Map<String, String> explain(String jdbc, String script, String tenant)
      throws SQLException {
    List<String> statements =
        script
            .lines()
            .filter(l -> l.startsWith("select a.") || l.startsWith("select count(*) from article"))
            .map(l -> l.substring(0, l.length() - 1))
            .toList();
    String staffSql = statements.get(0);
    String clientSql = statements.get(2);
    Map<String, String> plans = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(jdbc, Database.USER, Database.PASSWORD)) {
      for (String q : List.of("serveur", "backup", "sauvegarde echouee", "replicaton lag")) {
        plans.put(
            "staff, q=" + q, plan(c, staffSql, Map.of("q", q, "kind", "RUNBOOK", "tenant", "")));
      }
      plans.put(
          "client " + tenant + ", q=serveur",
          plan(c, clientSql, Map.of("q", "serveur", "kind", "RUNBOOK", "tenant", tenant)));
      // the snippets' share: the same statement without ts_headline
      plans.put(
          "staff, q=serveur, without the snippet (ts_headline)",
          plan(
              c,
              withoutSnippet(staffSql),
              Map.of("q", "serveur", "kind", "RUNBOOK", "tenant", "")));
      // what a statement the service's pool has prepared and run five times may use
      try (Statement s = c.createStatement()) {
        s.execute("set plan_cache_mode = force_generic_plan");
      }
      plans.put(
          "staff, q=serveur, generic plan (plan_cache_mode = force_generic_plan)",
          plan(c, staffSql, Map.of("q", "serveur", "kind", "RUNBOOK", "tenant", "")));
    }
    return plans;
  }

  /** The statement with its snippet column replaced by null: what the snippets cost. */
  static String withoutSnippet(String sql) {
    return sql.replaceFirst("ts_headline\\(.*?'\\) as snippet", "null as snippet");
  }

  private static String plan(Connection c, String sql, Map<String, String> values)
      throws SQLException {
    List<String> names = new ArrayList<>();
    Matcher m = VARIABLE.matcher(sql);
    StringBuilder jdbcSql = new StringBuilder();
    while (m.find()) {
      names.add(m.group(1));
      m.appendReplacement(jdbcSql, "?");
    }
    m.appendTail(jdbcSql);
    try (PreparedStatement explain = c.prepareStatement("explain (analyze, buffers) " + jdbcSql)) {
      for (int i = 0; i < names.size(); i++) {
        explain.setString(i + 1, values.get(names.get(i)));
      }
      StringBuilder text = new StringBuilder();
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          text.append(rows.getString(1)).append('\n');
        }
      }
      return text.toString();
    }
  }

  private static long count(String jdbc, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbc, Database.USER, Database.PASSWORD);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private double perRequest(long ticks, long requests) {
    return requests == 0 ? Double.NaN : ticks * 1000.0 / ticksPerSecond / requests;
  }

  private HttpRequest post(SearchCorpus.Article a, String bearer) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", a.kind());
    body.put("visibility", a.visibility());
    if (a.tenant() != null) {
      body.put("tenant", a.tenant());
    }
    body.put("language", a.language());
    body.put("title", a.title());
    body.put("body", a.body());
    body.put("publish", true);
    try {
      return HttpRequest.newBuilder(base.resolve("/api/v1/articles"))
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", bearer)
          .header("Content-Type", "application/json")
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
          .build();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Creates one article; a client article is refused (400, no such client) until the service has
   * read the client's registration, so it retries for up to {@code patience}. Returns its id.
   */
  private String create(SearchCorpus.Article a, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      HttpResponse<String> r =
          http.send(
              post(a, "Bearer " + TestTokens.engineer()), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 201) {
        return JSON.readTree(r.body()).get("id").asText();
      }
      if (r.statusCode() != 400 || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Creating \"" + a.title() + "\" answered " + r.statusCode() + ": " + r.body());
      }
      Thread.sleep(250);
    }
  }

  private JsonNode search(String q, String bearer, String extra) throws Exception {
    String path =
        SEARCH_PATH
            + "?q="
            + URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20")
            + extra;
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer)
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private String report(
      Instant started,
      String revision,
      Machine machine,
      String loadBefore,
      String loadAfter,
      String postgresVersion,
      String pgbenchVersion,
      String wrkVersion,
      List<String> serviceCommand,
      SearchCorpus texts,
      List<SearchCorpus.Article> corpus,
      Duration loading,
      List<Line> lines,
      List<String> misses,
      Map<String, long[]> hits,
      List<Measured> runs,
      Map<String, Long> statements,
      PgBench.Result floor,
      CpuMeter.Usage floorCpu,
      Machine.Calm pgCalm,
      String pgLoadAtStart,
      String pgLoadAtEnd,
      String script,
      Map<String, String> plans,
      JfrProfile profile) {
    StringBuilder md = new StringBuilder();
    md.append("# Knowledge-base search latency: ticket-service vs raw SQL (pgbench)\n\n");
    md.append("Run ")
        .append(started.truncatedTo(ChronoUnit.SECONDS))
        .append(" on revision ")
        .append(revision)
        .append(".\n\n## Command\n\n```\n")
        .append(command)
        .append("\n```\n\n");
    Measured peak = runs.get(runs.size() - 1);
    double p99 = peak.result().percentileMs(99);
    md.append("## Target (issue 16)\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "p99 search latency at %d concurrent clients: **%.1f ms** (%.0f searches/s, %d"
                    + " errors). Issue 16 asks for it to be measured here and sets no figure;"
                    + " against the API latency target the platform holds its lists to (issue 7:"
                    + " p99 under 50 ms at 32 clients) it is %s. The same SQL from pgbench at %d"
                    + " clients: p99 %.1f ms, %.0f searches/s.\n\n",
                peak.concurrency(),
                p99,
                peak.result().perSecond(),
                peak.result().errors(),
                p99 < 50 ? "**met**" : "**not met**",
                settings.peak(),
                floor.percentileMs(99),
                floor.tps()));
    md.append("## Results\n\n")
        .append(
            "| side | clients | searches/s | p50 | p90 | p99 | p99.9 | max | errors | service CPU"
                + " per search | PostgreSQL CPU per search | machine busy | load average at start"
                + " → end | quiet-machine wait |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
    for (Measured m : runs) {
      WrkLoad.Result r = m.result();
      md.append(
          String.format(
              Locale.ROOT,
              "| API `GET %s` | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %.3f ms |"
                  + " %.3f ms | %.0f %% | %s → %s | %s |\n",
              SEARCH_PATH,
              m.concurrency(),
              r.perSecond(),
              r.percentileMs(50),
              r.percentileMs(90),
              r.percentileMs(99),
              r.percentileMs(99.9),
              r.maxMs(),
              r.errors(),
              perRequest(m.cpu().trackedTicks(), r.requests()),
              perRequest(m.cpu().postgresTicks(), r.requests()),
              m.cpu().busy() * 100,
              m.loadAtStart(),
              m.loadAtEnd(),
              m.calm().describe()));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "| pgbench `search.sql` | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %d | — |"
                + " %.3f ms | %.0f %% | %s → %s | %s |\n\n",
            settings.peak(),
            floor.tps(),
            floor.percentileMs(50),
            floor.percentileMs(90),
            floor.percentileMs(99),
            floor.percentileMs(99.9),
            floor.maxMs(),
            floor.failed(),
            perRequest(floorCpu.postgresTicks(), floor.transactions()),
            floorCpu.busy() * 100,
            pgLoadAtStart,
            pgLoadAtEnd,
            pgCalm.describe()));
    md.append(
        String.format(
            Locale.ROOT,
            "Latencies in milliseconds: wrk's for the API (closed loop, keep-alive, %d s"
                + " measured after a %d s warm-up, per concurrency), pgbench's per-transaction"
                + " log for the SQL. API ÷ pgbench at %d clients: %.3f. CPU per search: the"
                + " service JVM's, and PostgreSQL's (server and backends), CPU time during the"
                + " measured run over the searches answered (/proc). Shares of the machine in the"
                + " API runs (busy: wrk and the service + PostgreSQL + this JVM (Kafka) +"
                + " others), %%: %s.\n\n",
            settings.duration().toSeconds(),
            settings.warmup().toSeconds(),
            settings.peak(),
            peak.result().perSecond() / floor.tps(),
            String.join(
                    "; ",
                    runs.stream()
                        .map(m -> m.concurrency() + " clients " + m.cpu().summary())
                        .toList())
                + "; pgbench "
                + floorCpu.summary()));

    md.append("## The corpus and the questions\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "%s, written through `POST /api/v1/articles` as an engineer (%d at once) in %.1f"
                    + " s, then `VACUUM ANALYZE`. ticket-service's `SearchQualityTest` corpus"
                    + " scaled up: its 24 target articles (alternately public runbooks and"
                    + " internal solutions) and its ten kinds of distractors for %d hosts instead"
                    + " of 20, each host a client's (%d clients): monthly operations logs,"
                    + " planned interventions (one host in ten public) and hardware inventories"
                    + " for the client; configuration changes and on-call contacts internal."
                    + " Each distractor's body is the test's sentence, then 2–5 paragraphs of"
                    + " operations prose and a Markdown checklist.\n\n",
                SearchCorpus.describe(corpus),
                settings.loadConcurrency(),
                loading.toNanos() / 1e9,
                texts.hosts(corpus),
                settings.clients()));
    md.append(
        String.format(
            Locale.ROOT,
            "**Search quality at this scale:** %d of %d of the test's queries rank the expected"
                + " article first (as staff, `size=5`)%s.\n\n",
            texts.qualityQueries().size() - misses.size(),
            texts.qualityQueries().size(),
            misses.isEmpty() ? "" : "; misses: " + String.join("; ", misses)));
    md.append(
        String.format(
            Locale.ROOT,
            "The load cycles through %d requests (`benchmarks/wrk/search.lua`): per 20, 10 staff"
                + " searches (`?q=`), 3 staff searches of runbooks (`?q=&kind=RUNBOOK`) and 7"
                + " client searches with their count (`?q=&total=true`, each client's own token,"
                + " the %d clients in turn), over %d questions: the test's %d (with and without"
                + " accents), quoted phrases, single broad words, an exclusion, an `or`, and"
                + " misspellings (no fuzzy matching: a misspelt word matches nothing). Default"
                + " page size (50). Articles each question finds (staff; client %s):\n\n",
            lines.size(),
            settings.clients(),
            hits.size(),
            texts.qualityQueries().size(),
            "bench-client-01"));
    md.append("| question | staff | client |\n|---|---:|---:|\n");
    hits.forEach(
        (q, n) ->
            md.append("| `")
                .append(q.replace("|", "\\|"))
                .append("` | ")
                .append(n[0])
                .append(" | ")
                .append(n[1])
                .append(" |\n"));
    md.append('\n');

    md.append("## The SQL pgbench runs\n\n")
        .append(
            "`benchmarks/sql/search.sql`, read at run time: the statements ticket-service sends"
                + " for each kind of search (knowledge/ArticleSearch), the question and client"
                + " bound as parameters (`-M prepared`), picked from `bench.search_query`, which"
                + " holds the API side's questions and clients in the same proportions.\n\n```sql\n")
        .append(script)
        .append("```\n\n");
    md.append(
        "What the service sent during the API warm-up at the highest concurrency, seen from"
            + " PostgreSQL (`pg_stat_activity.query` sampled every 20 ms; times a connection"
            + " showed it):\n\n```\n");
    statements.forEach((sql, n) -> md.append(n).append("  ").append(sql).append('\n'));
    md.append("```\n\n");

    md.append("## Where a search's time goes in PostgreSQL\n\n")
        .append(
            "`EXPLAIN (ANALYZE, BUFFERS)` of the script's statements after the runs (the service"
                + " stopped):\n\n");
    plans.forEach(
        (name, plan) ->
            md.append("**").append(name).append("**\n\n```\n").append(plan).append("```\n\n"));

    if (profile != null) {
      md.append("## Where the service's CPU went (Flight Recorder)\n\n")
          .append(
              "The service ran with `-XX:StartFlightRecording=settings=profile`; the samples of"
                  + " the measured run at the highest concurrency (recording:"
                  + " `benchmarks/target/ticket-service/search.jfr`).\n\n")
          .append(profile.markdown("search, " + settings.peak() + " clients"));
    }

    md.append("## Parameters\n\n");
    settings
        .describe()
        .forEach((k, v) -> md.append("- `").append(k).append("` = ").append(v).append('\n'));
    md.append("- API side: `wrk -t ")
        .append(settings.wrkThreads())
        .append(" -c <clients> -d ")
        .append(settings.duration().toSeconds())
        .append("s --timeout 30s --latency -s benchmarks/wrk/search.lua <url> -- <requests>`")
        .append(" (one thread at 1 client), after a ")
        .append(settings.warmup().toSeconds())
        .append(" s warm-up at the same concurrency; RS256 bearer tokens of the test kit's key,")
        .append(" verified by the service as in production.\n");
    md.append("- Service: `")
        .append(String.join(" ", serviceCommand))
        .append("`, configured only through the environment (HTTP on 127.0.0.1, the embedded")
        .append(" PostgreSQL and Kafka, OIDC with a local public key); its defaults otherwise.\n");
    md.append("- Peer: `pgbench -n -M prepared -c ")
        .append(settings.peak())
        .append(" -j ")
        .append(Math.min(settings.pgbenchThreads(), settings.peak()))
        .append(" -T ")
        .append(settings.duration().toSeconds())
        .append(" -f benchmarks/sql/search.sql -D ... --log`, after a warm-up run, the service")
        .append(" stopped (each side has the machine to itself).\n\n");
    md.append("## Machine\n\n");
    machine.appendMarkdown(md, loadBefore, loadAfter);
    md.append("- PostgreSQL ")
        .append(postgresVersion)
        .append(", the test kit's embedded server (zonky binaries), other settings default\n");
    md.append("- ").append(pgbenchVersion).append('\n');
    md.append("- ").append(wrkVersion).append('\n');
    md.append("- Java (service and benchmark):\n\n```\n")
        .append(machine.javaVersion())
        .append("\n```\n");
    return md.toString();
  }

  static void say(String line) {
    System.out.println("[bench] " + line);
  }
}
