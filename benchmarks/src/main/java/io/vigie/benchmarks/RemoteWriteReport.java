package io.vigie.benchmarks;

import io.vigie.benchmarks.RemoteWriteBenchmark.TargetRun;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The Markdown report of a remote_write run: command, results per target, ratios, workload. */
record RemoteWriteReport(
    RemoteWriteSettings settings,
    Machine machine,
    String loadBefore,
    String loadAfter,
    Instant started,
    NodeExporterFleet fleet,
    List<TargetRun> runs,
    String revision) {

  /** Above this share of the CPUs taken by other processes, a target's figures are flagged. */
  private static final double OTHERS_NOTICEABLE = 0.10;

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(
        "# remote_write ingest: Vigie monitoring-service vs VictoriaMetrics vs Prometheus\n\n");
    md.append("Run ")
        .append(DateTimeFormatter.ISO_INSTANT.format(started.truncatedTo(ChronoUnit.SECONDS)))
        .append(" on revision ")
        .append(revision)
        .append(".\n\n");
    md.append("## Command\n\n```\n").append(settings.command()).append("\n```\n\n");
    results(md);
    details(md);
    head(md);
    rules(md);
    workload(md);
    parameters(md);
    machine(md);
    return md.toString();
  }

  private void results(StringBuilder md) {
    TargetRun vigie =
        runs.stream()
            .filter(r -> r.name().equals(RemoteWriteSettings.MONITORING))
            .findFirst()
            .orElse(null);
    md.append("## Results\n\n");
    md.append(
        "| target | accepted samples/s | requests/s | p50 ms | p99 ms | max ms | 429 | errors |"
            + " Vigie ÷ target |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (TargetRun run : runs) {
      RemoteWriteLoad.Result r = run.result();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.1f | %s | %s | %s | %d | %d | %s |\n",
              run.name(),
              r.samplesPerSecond(),
              r.requestsPerSecond(),
              ms(r.percentileMs(50)),
              ms(r.percentileMs(99)),
              ms(r.maxMs()),
              r.overloaded(),
              r.errors(),
              vigie == null
                  ? "n/a"
                  : String.format(
                      Locale.ROOT,
                      "%.2f",
                      vigie.result().samplesPerSecond() / r.samplesPerSecond())));
    }
    md.append('\n');
    md.append(
        String.format(
            Locale.ROOT,
            "Accepted samples per second over the %d s measured window (after a %d s warm-up that"
                + " creates the %d series), with %d concurrent senders in a closed loop. Latency"
                + " of the answered 2xx requests. 429: answers asking to retry later (the sender"
                + " waits Retry-After and resends, as Prometheus does). Vigie ÷ target: Vigie's"
                + " samples/s divided by the target's (1.00 = as fast).\n\n",
            settings.duration().toSeconds(),
            settings.warmup().toSeconds(),
            fleet.seriesCount(),
            settings.senders()));
    for (TargetRun run : runs) {
      if (run.cpu().others() > OTHERS_NOTICEABLE) {
        md.append(
            String.format(
                Locale.ROOT,
                "**Other processes took %.0f %% of the CPUs during %s's measured window** (work"
                    + " that started after the machine had calmed down): its figures are lower"
                    + " than this machine does alone.\n\n",
                run.cpu().others() * 100,
                run.name()));
      }
    }
    md.append(
        "**What the peers mean.** The three receivers do not do the same work with a sample, and"
            + " the figures must be read with that in mind. monitoring-service keeps the recent"
            + " samples of each series in memory only (a ring per series, 15 min), with no"
            + " write-ahead log, no compression and no index beyond the metric name: it is an"
            + " alerting and rollup buffer, not a TSDB; but it verifies the RS256 bearer token of"
            + " every request, runs on the JVM, and answers 204 only once the samples are written"
            + " to Kafka (`monitoring.samples`, acks=all, lz4; the broker runs in the benchmark's"
            + " JVM on the same CPUs), from which its consumer fills the head. VictoriaMetrics and Prometheus are full TSDBs:"
            + " they index every label, compress and persist to disk (Prometheus through its WAL),"
            + " and here they check no token (they ignore the Authorization header). The same"
            + " bytes are sent to all three.\n\n");
  }

  private void details(StringBuilder md) {
    md.append("### Details\n\n");
    md.append(
        "| target | requests | mean ms | compressed KiB/request | samples the target counted"
            + " (whole run) | samples answered 2xx (whole run) | series the target reports |"
            + " CPU % |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (TargetRun run : runs) {
      RemoteWriteLoad.Result r = run.result();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %.1f | %.0f | %d | %.0f | %s |\n",
              run.name(),
              r.requests(),
              ms(r.meanMs()),
              r.requests() == 0 ? 0.0 : r.bytesSent() / 1024.0 / r.requests(),
              run.ownSamples(),
              r.allSamples(),
              run.ownSeries(),
              run.cpu().summary()));
    }
    md.append('\n');
    md.append(
        "The target's own counters, read from its /metrics after the run, cross-check the"
            + " sender (monitoring-service's after its head caught up, see below):"
            + " `vigie_monitoring_remote_write_samples_accepted_total`,"
            + " `vm_rows_inserted_total`, `prometheus_tsdb_head_samples_appended_total`; series:"
            + " `vigie_monitoring_metric_head_series`, `vm_new_timeseries_created_total`,"
            + " `prometheus_tsdb_head_series`. CPU %: how busy the machine's CPUs were during the"
            + " measured window (100 = all of them), then its split: the target (a child process"
            + " of the benchmark) + PostgreSQL (monitoring-service only; idle here) + the"
            + " benchmark's JVM (the load generator, and the Kafka broker during the"
            + " monitoring-service run) + other processes.\n\n");
    for (TargetRun run : runs) {
      if (run.result().sampleError() != null) {
        md.append("First error from ")
            .append(run.name())
            .append(": `")
            .append(run.result().sampleError().replace('`', '\''))
            .append("`\n\n");
      }
    }
  }

  private void head(StringBuilder md) {
    for (TargetRun run : runs) {
      HeadWatch.Progress head = run.head();
      if (head == null) {
        continue;
      }
      HeadWatch.Point end = head.atEnd();
      java.time.Duration windowEnd = settings.warmup().plus(settings.duration());
      md.append("### monitoring-service: the metric head behind the 204s (through Kafka)\n\n");
      md.append(
          "A 204 from monitoring-service means the samples are on `monitoring.samples` (acks=all);"
              + " its head is filled by the topic's consumer afterwards. Samples answered 2xx (the"
              + " senders' count, warm-up included) against samples appended to the head (the"
              + " service's `"
              + HeadWatch.HEAD_SAMPLES
              + "`) and the consumer's lag in records (`"
              + HeadWatch.LAG_RECORDS
              + "`), every "
              + RemoteWriteBenchmark.HEAD_WATCH_STEP.toSeconds()
              + " s from the start of the load, then when the load ended:\n\n");
      md.append(
          "| s since load start | answered 2xx | in the head | behind (samples) | lag (records) |\n");
      md.append("|---:|---:|---:|---:|---:|\n");
      for (HeadWatch.Point p : head.points()) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %.1f | %d | %.0f | %.0f | %.0f |\n",
                p.seconds(),
                p.answered(),
                p.inHead(),
                p.behind(),
                p.lagRecords()));
      }
      md.append('\n');
      md.append(
          String.format(
              Locale.ROOT,
              "- **At the end of the load**: %.0f of %d answered samples in the head (%.0f behind,"
                  + " %.1f %%; %.0f records of lag).\n",
              end.inHead(),
              end.answered(),
              end.behind(),
              end.answered() == 0 ? 0.0 : 100.0 * end.behind() / end.answered(),
              end.lagRecords()));
      md.append(
          head.drainSeconds() == null
              ? String.format(
                  Locale.ROOT,
                  "- **Not drained**: %.0f samples still missing from the head %d s after the"
                      + " load.\n",
                  head.afterDrain().behind(),
                  head.drainLimit().toSeconds())
              : String.format(
                  Locale.ROOT,
                  "- **Time to drain**: every answered sample was in the head %.1f s after the"
                      + " load ended (polled every 100 ms).\n",
                  head.drainSeconds()));
      md.append(
          String.format(
              Locale.ROOT,
              "- **During the measured window** (readings nearest to %d s and %d s): %.0f samples/s"
                  + " into the head for %.0f samples/s answered 2xx.\n\n",
              settings.warmup().toSeconds(),
              windowEnd.toSeconds(),
              head.headRate(settings.warmup(), windowEnd),
              head.answeredRate(settings.warmup(), windowEnd)));
    }
  }

  private void rules(StringBuilder md) {
    for (TargetRun run : runs) {
      MonitoringService.RuleWork rules = run.rules();
      if (rules == null) {
        continue;
      }
      ScrapedMetrics.Timer evaluation = rules.evaluation();
      md.append("### Rule engine during the monitoring-service run\n\n");
      md.append(
          "monitoring-service ran with its default rule pack on, as in production: "
              + (rules.packInstalled() == null
                  ? "**the log shows no installation of the default rule pack**"
                  : "the log says `Installed "
                      + rules.packInstalled()
                      + " rules of the default rule pack`")
              + ", and "
              + rules.enabledMetricRules()
              + " METRIC rules were enabled, evaluated over the metric head every"
              + " `vigie.monitoring.rules.evaluation-interval` (default 10 s) while the load ran."
              + " The service's `vigie.monitoring.rules.evaluation` timer after the run (whole"
              + " service life for the count; Micrometer's decaying window of about 2 minutes for"
              + " the percentiles and max, i.e. the warm-up and the measured window):\n\n");
      md.append(
          "| evaluations | p50 ms | p99 ms | max ms | mean ms | results on unknown hosts |\n");
      md.append("|---:|---:|---:|---:|---:|---:|\n");
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %s | %s | %s | %.0f |\n\n",
              evaluation.count(),
              ms(evaluation.p50Ms()),
              ms(evaluation.p99Ms()),
              ms(evaluation.maxMs()),
              ms(evaluation.meanMs()),
              rules.unattributed()));
      md.append(
          "Each evaluation reads every enabled rule's series from the head (here the fleet's"
              + " node_exporter series: filesystems, memory, load, CPU rates over 5 minutes,"
              + " clock, boot time...) in one transaction with the alert state. The fleet's"
              + " `vigie_server_id` labels name no server of the inventory, so the results count"
              + " as on unknown hosts (`vigie_monitoring_rules_unattributed_total`) and open no"
              + " alert: the evaluation work is done, the alert writes are not.\n\n");
    }
  }

  private void workload(StringBuilder md) {
    md.append("## Workload\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- %d hosts × %d series = %d series, shaped like node_exporter's: per-CPU mode"
                + " counters (8 CPUs × 8 modes), CPU frequency and schedstat, load, 45 memory"
                + " gauges, 4 filesystems × 7 metrics, 3 network devices × 11, 3 disks × 11,"
                + " hardware temperatures, sockets, netstat, vmstat, pressure, scrape metadata."
                + " Labels: `__name__`, `instance`, `job`, `datacenter`, `vigie_server_id` and"
                + " the metric's own (`cpu`, `mode`, `device`, `fstype`, `mountpoint`...), sorted"
                + " by name.\n",
            fleet.hostCount(),
            fleet.seriesPerHost(),
            fleet.seriesCount()));
    md.append(
        String.format(
            Locale.ROOT,
            "- %d senders, each owning every %d-th host (a series always goes through the same"
                + " sender, as a Prometheus shard, so its timestamps only move forward). A sender"
                + " scrapes its hosts round after round, timestamped with the wall clock, and"
                + " sends requests of a uniformly random %d to %d samples (one sample per series"
                + " per request): counters grow, gauges wander.\n",
            settings.senders(),
            settings.senders(),
            settings.minBatch(),
            settings.maxBatch()));
    md.append(
        "- Each request: protobuf `prometheus.WriteRequest` in a snappy block, `Content-Type:"
            + " application/x-protobuf`, `Content-Encoding: snappy`,"
            + " `X-Prometheus-Remote-Write-Version: 0.1.0`, an agent's bearer token; one JDK"
            + " `HttpClient` (HTTP/1.1, keep-alive, 127.0.0.1), virtual threads. Label blocks are"
            + " encoded once per series, samples per request.\n\n");
  }

  private void parameters(StringBuilder md) {
    md.append("## Parameters and targets\n\n");
    settings
        .describe()
        .forEach((k, v) -> md.append("- `").append(k).append("` = ").append(v).append('\n'));
    for (TargetRun run : runs) {
      md.append("- ")
          .append(run.name())
          .append(" (")
          .append(run.version().replace('\n', ' '))
          .append("): `")
          .append(String.join(" ", run.command()))
          .append("`\n");
    }
    md.append(
        "- monitoring-service runs its built jar with its defaults (max-in-flight 2 × processors,"
            + " 100 000 series, 15 min retention, the default rule pack on and evaluated every"
            + " 10 s), configured through the environment only"
            + " (embedded PostgreSQL and Kafka from the test kit, OIDC with a local RS256 public"
            + " key). VictoriaMetrics and Prometheus run with their Debian defaults and a fresh"
            + " data directory under benchmarks/target. The targets run one after the other, each"
            + " with the machine to itself.\n\n");
  }

  private void machine(StringBuilder md) {
    md.append("## Machine\n\n");
    machine.appendMarkdown(md, loadBefore, loadAfter);
    for (TargetRun run : runs) {
      md.append("- 1-minute load average when ")
          .append(run.name())
          .append(" started: ")
          .append(run.calm().describe())
          .append('\n');
    }
    md.append("- Java (service and load generator):\n\n```\n")
        .append(machine.javaVersion())
        .append("\n```\n\n");
    md.append(
        "Before each target starts, the run waits (up to 15 minutes, polling every 15 s) until"
            + " the 1-minute load average is below "
            + runs.get(0).calm().threshold()
            + ", so that no other work shares the CPUs. The load generator and the target share"
            + " this machine's CPUs: the figures compare the targets under the same constraint;"
            + " they are not the capacity of a production deployment.\n");
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
  }
}
