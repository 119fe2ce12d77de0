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
    String wrkVersion,
    long ticksPerSecond,
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
    double mostOthers = 0;
    boolean allCalm = true;
    for (Scenario s : scenarios) {
      mostOthers = Math.max(mostOthers, Math.max(s.api().cpu().others(), s.peer().cpu().others()));
      allCalm &= s.api().calm().calm() && s.peer().calm().calm();
    }
    if (mostOthers > 0.10 || !allCalm) {
      md.append(
          String.format(
              Locale.ROOT,
              "**Measured on a busy machine** (other processes took up to %.0f %% of the CPUs"
                  + " during a measured run%s): not a result to commit, rerun on a quiet"
                  + " machine.\n\n",
              mostOthers * 100,
              allCalm ? "" : "; the load average never fell below the threshold before some"));
    }
    md.append(
        "| scenario | API req/s | p50 | p99 | pgbench tps (same SQL) | pgbench p99 | API ÷ pgbench |"
            + " service CPU per request | wrk CPU | PostgreSQL CPU | machine busy | bound by |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Scenario s : scenarios) {
      WrkLoad.Result api = s.api().result();
      PgBench.Result peer = s.peer().result();
      CpuMeter.Usage cpu = s.api().cpu();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %s | %s | %.0f | %s | %.3f | %s ms | %s | %s | %s | %s |\n",
              s.name(),
              api.perSecond(),
              ms(api.percentileMs(50)),
              ms(api.percentileMs(99)),
              peer.tps(),
              ms(peer.percentileMs(99)),
              api.perSecond() / peer.tps(),
              cpuMs(s.api().trackedCpuMsPerRequest(ticksPerSecond)),
              percent(cpu.untrackedChildren()),
              percent(cpu.postgres()),
              percent(cpu.busy()),
              boundBy(cpu, cpu.tracked(), "the service")));
    }
    md.append('\n');
    md.append(
        String.format(
            Locale.ROOT,
            "Latencies in milliseconds, %d concurrent connections on each side (wrk's for the API,"
                + " pgbench's clients for the SQL). API ÷ pgbench: the API's requests per second"
                + " divided by pgbench's transactions per second for the same SQL (1.000 would mean"
                + " the API adds nothing to its queries). The CPU columns are those of the API run:"
                + " the service JVM's CPU time (user + system, from `/proc/<pid>/stat` before and"
                + " after the run) divided by the requests it answered; then wrk's, PostgreSQL's"
                + " (server and backends) and the whole machine's share of all %s CPUs (100 %% ="
                + " every CPU busy all the time). Bound by: when the machine's CPUs were at least"
                + " 90 %% busy, the run was CPU-bound and the largest consumer is named; otherwise"
                + " the limit was elsewhere (connection pool, locks, latency of a round trip).\n\n",
            settings.concurrency(),
            machine.nproc()));
    md.append(
        "**What the peer means.** pgbench sends, over as many connections to the same PostgreSQL"
            + " server, the statements the service sends for one request (same transactions,"
            + " prepared, same row contents), so its throughput is the raw database floor for that"
            + " work on this machine. The gap between the two columns is what the service costs"
            + " on top of its SQL: HTTP and JSON, bearer-token verification, bean validation,"
            + " Hibernate Reactive's mapping and session handling, its connection pool, and for"
            + " creates the idempotency record and the relay that publishes each outbox row to"
            + " Kafka. The service's CPU time per request is that cost in absolute terms; compare"
            + " it with PostgreSQL's CPU time per request below.\n\n");
  }

  private void details(StringBuilder md) {
    md.append("### Details\n\n");
    md.append(
        "| scenario | side | requests or transactions | errors | per second | mean | p50 | p99 |"
            + " max |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Scenario s : scenarios) {
      WrkLoad.Result api = s.api().result();
      PgBench.Result peer = s.peer().result();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | API `%s` | %d | %s | %.1f | %s | %s | %s | %s |\n",
              s.name(),
              s.request(),
              api.requests(),
              api.errors() == 0
                  ? "0"
                  : api.errors()
                      + " ("
                      + api.statusErrors()
                      + " 4xx/5xx, "
                      + api.socketErrors()
                      + " socket errors or timeouts)",
              api.perSecond(),
              ms(api.meanMs()),
              ms(api.percentileMs(50)),
              ms(api.percentileMs(99)),
              ms(api.maxMs())));
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | pgbench `%s` | %d | %d | %.1f | %s | %s | %s | %s |\n",
              s.name(),
              s.script(),
              peer.transactions() + peer.failed(),
              peer.failed(),
              peer.tps(),
              ms(peer.averageLatencyMs()),
              ms(peer.percentileMs(50)),
              ms(peer.percentileMs(99)),
              ms(peer.maxMs())));
    }
    md.append('\n');
    md.append(
        "API latencies are wrk's (from writing the request to reading the whole answer; p50 and"
            + " p99 from its `done()` hook); pgbench's mean is its own `latency average`, its p50,"
            + " p99 and max come from its per-transaction `--log`.\n\n");

    md.append("### Where the CPU went\n\n");
    md.append(
        "| scenario | side | machine busy | service or pgbench | wrk | PostgreSQL | benchmark JVM"
            + " (Kafka) | others | service CPU per request | PostgreSQL CPU per request |"
            + " load average at start → end | quiet-machine wait |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
    for (Scenario s : scenarios) {
      cpuRow(
          md, s.name(), "API", s.api(), s.api().cpu().tracked(), s.api().cpu().untrackedChildren());
      cpuRow(md, s.name(), "pgbench", s.peer(), s.peer().cpu().children(), Double.NaN);
    }
    md.append('\n');
    md.append(
        "Shares of all the machine's CPUs during the measured run, read from /proc: on the API"
            + " rows the service JVM, then wrk (the load generator); on the pgbench rows pgbench"
            + " itself; PostgreSQL's server and backends; this benchmark's JVM, which hosts the"
            + " embedded Kafka broker (the outbox relay's target) and is otherwise idle; and other"
            + " processes on the machine, which must be close to 0 for a result to commit. The"
            + " kernel charges some interrupt work (loopback networking) both to the machine and"
            + " to the process it interrupted, so the parts can add up to a little more than the"
            + " total. CPU per request: CPU time over the requests (or transactions) completed in"
            + " the run, in milliseconds. The quiet-machine wait ran before each warm-up (1-minute"
            + " load average below the threshold, see the README).\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Outbox: %d events were still unpublished when the measured create run ended; the"
                + " relay had published all of them %.1f s later. The list scenarios ran over %d"
                + " servers (one datacenter, a quarter of them WEB), after `VACUUM ANALYZE`.\n\n",
            outboxPendingAfterCreate,
            outboxDrain.toMillis() / 1000.0,
            serversAtListTime));
    if (scenarios.stream().allMatch(s -> s.profile() != null)) {
      md.append("### Where the service's CPU went (Flight Recorder)\n\n");
      md.append(
          "The service ran with `-XX:StartFlightRecording=settings=profile` (Java execution samples"
              + " every 10 ms per running thread; JIT compilation and garbage collection threads are"
              + " not sampled, their CPU is in the service's total above). For each measured API"
              + " run: the share of samples per library of the topmost frame that is not the JDK's"
              + " own (adds up to 100 %), the share whose stack passes through each component"
              + " anywhere (a sample counts for every component on its stack), then the methods"
              + " most often on top of the stack. The recording is"
              + " `benchmarks/target/inventory-service/inventory.jfr` (`jfr print --events"
              + " jdk.ExecutionSample`, or JDK Mission Control).\n\n");
      for (Scenario s : scenarios) {
        md.append(s.profile().markdown(s.name()));
      }
    }
    for (Scenario s : scenarios) {
      if (s.api().result().errors() > 0) {
        md.append(
            String.format(
                Locale.ROOT,
                "**%s: %d API errors** (see `benchmarks/target/wrk-logs/` and"
                    + " `benchmarks/target/inventory-service.log`).\n\n",
                s.name(),
                s.api().result().errors()));
      }
    }
  }

  private void cpuRow(
      StringBuilder md,
      String scenario,
      String side,
      InventoryBenchmark.Measured<?> run,
      double measuredSide,
      double loadGenerator) {
    CpuMeter.Usage cpu = run.cpu();
    boolean api = side.equals("API");
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s → %s | %s |\n",
            scenario,
            side,
            percent(cpu.busy()),
            percent(measuredSide),
            Double.isNaN(loadGenerator) ? "—" : percent(loadGenerator),
            percent(cpu.postgres()),
            percent(cpu.jvm()),
            percent(cpu.others()),
            api ? cpuMs(run.trackedCpuMsPerRequest(ticksPerSecond)) + " ms" : "—",
            cpuMs(run.postgresCpuMsPerRequest(ticksPerSecond)) + " ms",
            oneMinute(run.loadAtStart()),
            oneMinute(run.loadAtEnd()),
            run.calm().describe()));
  }

  /** The 1-minute figure of a load average triple. */
  private static String oneMinute(String loadAverage) {
    return loadAverage.split(" ")[0];
  }

  /**
   * Which resource limited a run: the CPUs (and who used most of them) when they were at least 90 %
   * busy, else not the CPU.
   */
  static String boundBy(CpuMeter.Usage cpu, double measuredSide, String measuredName) {
    if (cpu.busy() < 0.9) {
      return String.format(Locale.ROOT, "not CPU (%.0f %% busy)", cpu.busy() * 100);
    }
    String largest = measuredName;
    double most = measuredSide;
    if (cpu.postgres() > most) {
      largest = "PostgreSQL";
      most = cpu.postgres();
    }
    if (cpu.untrackedChildren() > most) {
      largest = "wrk";
      most = cpu.untrackedChildren();
    }
    if (cpu.others() > most) {
      largest = "other processes";
    }
    return "CPU, mostly " + largest;
  }

  private static String percent(double share) {
    return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", share * 100);
  }

  private static String cpuMs(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
  }

  private void parameters(StringBuilder md) {
    md.append("## Parameters\n\n");
    settings
        .describe()
        .forEach((k, v) -> md.append("- `").append(k).append("` = ").append(v).append('\n'));
    md.append(
        String.format(
            Locale.ROOT,
            "- API side: `wrk -t %d -c %d -d %ds --timeout 30s --latency -s"
                + " benchmarks/wrk/inventory.lua <url> -- get` (lists) or `-- create <bodies>"
                + " <first> %d` (creates), an engineer's RS256 bearer token (the test kit's key,"
                + " verified by the service as in production) in the environment; %d connections"
                + " over %d threads, HTTP/1.1 keep-alive, no pipelining, 127.0.0.1; a %d s warm-up"
                + " run then the %d s measured one per scenario. Creates send the test fixtures'"
                + " server body (Xeon D-1531, 32 GB, 2x250 GB SSD, two network links) with a new"
                + " host name, management address and `Idempotency-Key` each time.\n",
            settings.wrkThreads(),
            settings.concurrency(),
            settings.duration().toSeconds(),
            settings.wrkThreads(),
            settings.concurrency(),
            settings.wrkThreads(),
            settings.warmup().toSeconds(),
            settings.duration().toSeconds()));
    md.append("- Service: `")
        .append(String.join(" ", serviceCommand))
        .append(
            "`, configured only through the environment (HTTP on 127.0.0.1, the embedded"
                + " PostgreSQL and Kafka, OIDC with a local RS256 public key); its own defaults"
                + " otherwise.\n");
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
        "- Order: API create (on an empty table; one create and its replay checked first) →"
            + " top-up through the benchmark's own HTTP client → `VACUUM ANALYZE` → API list → API"
            + " list filtered → service stopped → pgbench list → pgbench list filtered → pgbench"
            + " create; each measured part after the quiet-machine wait and a warm-up. Each side"
            + " has the machine to itself, and both list runs read the same rows.\n\n");
  }

  private void machine(StringBuilder md) {
    md.append("## Machine\n\n");
    machine.appendMarkdown(md, loadBefore, loadAfter);
    md.append("- PostgreSQL ")
        .append(postgres)
        .append(", the test kit's embedded server (zonky binaries), other settings default\n");
    md.append("- ").append(pgbenchVersion).append('\n');
    md.append("- ").append(wrkVersion).append('\n');
    md.append("- Kafka: the test kit's embedded KRaft broker, in the benchmark's JVM\n");
    md.append("- Java (service and benchmark):\n\n```\n")
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
        "Statement for statement what the service sends for one request (files under"
            + " `benchmarks/sql/`, read at run time). `-D` binds the values as parameters: the"
            + " JSON documents and text columns are copied from rows the service wrote in this"
            + " run.\n\n");
    for (Scenario s : scenarios) {
      md.append('`')
          .append(s.script())
          .append("` (")
          .append(s.name())
          .append(")\n\n```sql\n")
          .append(Files.readString(scripts.resolve(s.script())).strip())
          .append("\n```\n\n");
      if (!s.api().statements().isEmpty()) {
        md.append(
            "What the service sent during the API warm-up, seen from PostgreSQL"
                + " (`pg_stat_activity.query` sampled every 20 ms, statements started during the"
                + " warm-up; times a connection showed it):\n\n```\n");
        s.api()
            .statements()
            .forEach(
                (statement, connections) ->
                    md.append(connections).append("  ").append(statement).append('\n'));
        md.append("```\n\n");
      }
    }
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
  }
}
