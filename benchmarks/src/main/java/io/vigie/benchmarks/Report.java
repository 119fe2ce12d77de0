package io.vigie.benchmarks;

import io.vigie.benchmarks.InventoryBenchmark.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The Markdown report: command, results side by side, what they mean, parameters, machine. */
record Report(
    Settings settings,
    Machine machine,
    String loadBefore,
    String loadAfter,
    Instant started,
    String postgres,
    String pgbenchVersion,
    List<String> serviceCommand,
    long serversAtListTime,
    long outboxPendingAfterCreate,
    Duration outboxDrain,
    List<Scenario> scenarios,
    Path scripts,
    String revision) {

  String markdown() throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Inventory throughput: Vigie inventory API vs raw SQL (pgbench)\n\n");
    md.append("Run ")
        .append(DateTimeFormatter.ISO_INSTANT.format(started.truncatedTo(ChronoUnit.SECONDS)))
        .append(" on revision ")
        .append(revision)
        .append(".\n\n");

    md.append("## Command\n\n```\n").append(settings.command()).append("\n```\n\n");

    results(md);
    details(md);
    parameters(md);
    machine(md);
    sql(md);
    return md.toString();
  }

  private void results(StringBuilder md) {
    md.append("## Results\n\n");
    md.append(
        "| scenario | Vigie inventory API req/s | p50 | p99 | pgbench (raw SQL) tps | p99 |"
            + " ratio API/raw |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Scenario s : scenarios) {
      HttpLoad.Result api = s.api().result();
      PgBench.Result peer = s.peer().result();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %s | %s | %.0f | %s | %.3f |\n",
              s.name(),
              api.perSecond(),
              ms(api.percentileMs(50)),
              ms(api.percentileMs(99)),
              peer.tps(),
              ms(peer.percentileMs(99)),
              api.perSecond() / peer.tps()));
    }
    md.append('\n');
    md.append(
        String.format(
            Locale.ROOT,
            "Latencies in milliseconds, %d concurrent clients on each side. Ratio API/raw: the"
                + " API's requests per second divided by pgbench's transactions per second for the"
                + " same SQL (1.000 would mean the API adds nothing to its queries).\n\n",
            settings.concurrency()));
    md.append(
        "**What the peer means.** pgbench sends, over as many connections to the same PostgreSQL"
            + " server, the statements the service sends for one request (same transactions,"
            + " prepared, same row contents), so its throughput is the raw database floor for that"
            + " work on this machine. The gap between the two columns is what the service costs"
            + " on top of its SQL: HTTP and JSON, bearer-token verification, bean validation,"
            + " Hibernate Reactive's mapping and session handling, a 20-connection pool shared by"
            + " the requests, and for creates the relay that publishes each outbox row to Kafka."
            + " A ratio far below 1 is expected; the figure to watch is how it moves between"
            + " runs.\n\n");
  }

  private void details(StringBuilder md) {
    md.append("### Details\n\n");
    md.append(
        "| scenario | side | requests or transactions | errors | per second | mean | p50 | p99 |"
            + " max | CPU % |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Scenario s : scenarios) {
      HttpLoad.Result api = s.api().result();
      PgBench.Result peer = s.peer().result();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | API `%s` | %d | %d%s | %.1f | %s | %s | %s | %s | %s |\n",
              s.name(),
              s.request(),
              api.ok() + api.errors(),
              api.errors(),
              api.errors() == 0 ? "" : " " + api.statuses(),
              api.perSecond(),
              ms(api.meanMs()),
              ms(api.percentileMs(50)),
              ms(api.percentileMs(99)),
              ms(api.maxMs()),
              s.api().cpu().summary()));
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | pgbench `%s` | %d | %d | %.1f | %s | %s | %s | %s | %s |\n",
              s.name(),
              s.script(),
              peer.transactions() + peer.failed(),
              peer.failed(),
              peer.tps(),
              ms(peer.averageLatencyMs()),
              ms(peer.percentileMs(50)),
              ms(peer.percentileMs(99)),
              ms(peer.maxMs()),
              s.peer().cpu().summary()));
    }
    md.append('\n');
    md.append(
        "CPU %: how busy the machine's CPUs were during the measured run (100 = all of them all"
            + " the time), then its split: the service (API rows) or pgbench (pgbench rows) +"
            + " PostgreSQL + the benchmark's JVM (load generator and Kafka broker) + other"
            + " processes on the machine, read from /proc. The kernel charges some interrupt work"
            + " (loopback networking) both to the machine and to the process it interrupted, so the"
            + " parts can add up to a little more than the total. pgbench's mean is its own"
            + " `latency average`; its p50, p99 and max come from its per-transaction `--log`.\n\n");
    for (Scenario s : scenarios) {
      if (s.api().result().sampleError() != null) {
        md.append("First API error in ")
            .append(s.name())
            .append(": `")
            .append(s.api().result().sampleError().replace('`', '\''))
            .append("`\n\n");
      }
    }
    md.append(
        String.format(
            Locale.ROOT,
            "Outbox: %d events were still unpublished when the measured create run ended; the"
                + " relay had published all of them %.1f s later. The list scenarios ran over %d"
                + " servers (one datacenter, a quarter of them WEB), after `VACUUM ANALYZE`.\n\n",
            outboxPendingAfterCreate,
            outboxDrain.toMillis() / 1000.0,
            serversAtListTime));
  }

  private void parameters(StringBuilder md) {
    md.append("## Parameters\n\n");
    settings
        .describe()
        .forEach((k, v) -> md.append("- `").append(k).append("` = ").append(v).append('\n'));
    md.append(
        String.format(
            Locale.ROOT,
            "- API side: %d closed-loop workers (virtual threads sharing one JDK `HttpClient`,"
                + " HTTP/1.1 keep-alive, 127.0.0.1), %d s warm-up then %d s measured per scenario,"
                + " every latency recorded (HdrHistogram); a non-2xx answer is an error. Creates"
                + " send the test fixtures' server body (Xeon D-1531, 32 GB, 2x250 GB SSD, two"
                + " network links) with a new host name each time.\n",
            settings.concurrency(),
            settings.warmup().toSeconds(),
            settings.duration().toSeconds()));
    md.append("- Service: `")
        .append(String.join(" ", serviceCommand))
        .append(
            "`, configured only through the environment (HTTP on 127.0.0.1, the embedded"
                + " PostgreSQL and Kafka, OIDC with a local RS256 public key); its own defaults"
                + " otherwise, e.g. a reactive pool of 20 connections.\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- Peer: `pgbench -n -M prepared -c %d -j %d -T %d -f <script> -D ... --log`, after a"
                + " %d s warm-up run of the same script.\n",
            settings.concurrency(),
            settings.pgbenchThreads(),
            settings.duration().toSeconds(),
            settings.warmup().toSeconds()));
    md.append(
        "- Order: API create (on an empty table) → top-up through the API → `VACUUM ANALYZE` →"
            + " API list → API list filtered → service stopped → pgbench list → pgbench list"
            + " filtered → pgbench create. Each side has the machine to itself, and both list"
            + " runs read the same rows.\n\n");
  }

  private void machine(StringBuilder md) {
    md.append("## Machine\n\n");
    machine.appendMarkdown(md, loadBefore, loadAfter);
    md.append("- PostgreSQL ")
        .append(postgres)
        .append(", the test kit's embedded server (zonky binaries), other settings default\n");
    md.append("- ").append(pgbenchVersion).append('\n');
    md.append("- Kafka: the test kit's embedded KRaft broker, in the benchmark's JVM\n");
    md.append("- Java (service and load generator):\n\n```\n")
        .append(machine.javaVersion())
        .append("\n```\n\n");
    md.append(
        "The load generator, the service, PostgreSQL, Kafka and pgbench share this machine's"
            + " CPUs: the figures compare the two sides under the same constraint; they are not"
            + " the capacity of a production deployment.\n\n");
  }

  private void sql(StringBuilder md) throws IOException {
    md.append("## The SQL pgbench runs\n\n");
    md.append(
        "Statement for statement what the service sends for one request, as read from its"
            + " Hibernate SQL log and on the wire (named prepared statements; BEGIN/COMMIT around"
            + " creates, autocommit for lists). `-D` binds the values as parameters: the JSON"
            + " documents and text columns are copied from a row the service wrote in this run.\n\n");
    for (Scenario s : scenarios) {
      md.append('`')
          .append(s.script())
          .append("` (")
          .append(s.name())
          .append(")\n\n```sql\n")
          .append(Files.readString(scripts.resolve(s.script())).strip())
          .append("\n```\n\n");
    }
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
  }
}
