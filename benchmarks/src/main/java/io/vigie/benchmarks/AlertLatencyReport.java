package io.vigie.benchmarks;

import io.vigie.benchmarks.AlertLatencyBenchmark.IntervalRun;
import io.vigie.benchmarks.AlertLatencyBenchmark.Round;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The Markdown report of an alert latency run: results per interval, breakdown, method, machine.
 */
record AlertLatencyReport(
    AlertLatencySettings settings,
    Machine machine,
    String loadBefore,
    String loadAfter,
    Instant started,
    String revision,
    String postgres,
    NodeExporterFleet fleet,
    List<IntervalRun> runs) {

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Alert latency: breaching sample accepted → AlertFired on Kafka\n\n");
    md.append("Run ")
        .append(DateTimeFormatter.ISO_INSTANT.format(started.truncatedTo(ChronoUnit.SECONDS)))
        .append(" on revision ")
        .append(revision)
        .append(".\n\n");
    if (!settings.isDefault()) {
      md.append("**Not the default parameters: do not compare with committed results.**\n\n");
    }
    md.append("## Command\n\n```\n").append(settings.command()).append("\n```\n\n");
    results(md);
    breakdown(md);
    resolution(md);
    service(md);
    method(md);
    parameters(md);
    machine(md);
    return md.toString();
  }

  private void results(StringBuilder md) {
    md.append("## Results\n\n");
    md.append(
        "| rule evaluation interval | rounds | missed | p50 | p90 | p99 | max | mean | min |"
            + " probe 429s |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (IntervalRun run : runs) {
      Distribution d = of(run, Round::latencyMs);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %s | %s | %s | %d |\n",
              interval(run),
              d.count(),
              run.missed(),
              d.percentileCells(),
              Distribution.ms(d.mean()),
              Distribution.ms(d.min()),
              run.probeRetries()));
    }
    md.append('\n');
    md.append(
        String.format(
            Locale.ROOT,
            "Latency: from the moment the `204` of the remote_write request carrying the breaching"
                + " sample came back to the moment a Kafka consumer (started before, reading"
                + " `monitoring.events`) received the matching `AlertFired` (same server id), for"
                + " a METRIC rule `%s > 0` with `for: 0s` and no `clearFor`. Percentiles by"
                + " nearest rank over the rounds (with %d rounds, p99 is the largest). Missed: no"
                + " AlertFired or AlertResolved within 3 intervals + 30 s. Probe 429s: probe"
                + " requests the receiver turned away while busy (all its decoding slots taken by"
                + " the background load) and the benchmark sent again after Retry-After, as"
                + " Prometheus does; a sample counts as accepted only at its 204.\n\n",
            AlertLatencyBenchmark.PROBE_METRIC,
            settings.rounds()));
    md.append("**What the latency is made of.** ");
    md.append(
        "The 204 comes once the sample is written to `monitoring.samples` (acks=all); the replica"
            + " owning the probe host's partition reads it into its metric head (its consumer also"
            + " carries the background load), and, since this rule's value per series depends on"
            + " that series alone (`VALUE`, no aggregation, no ratio), evaluates it as the sample"
            + " arrives (one arrival evaluation at a time, series arriving meanwhile coalesced"
            + " into the next): the breach opens and fires the alert in one transaction with its"
            + " `AlertFired` outbox row, the commit's `NOTIFY` wakes the outbox relay (1 s poll as"
            + " a fallback), which sends it to Kafka; the consumer fetches it. The periodic"
            + " evaluation (`vigie.monitoring.rules.evaluation-interval`) still resolves alerts"
            + " and evaluates aggregations, ratios, rates and absence: for this rule the interval"
            + " bounds the resolution, not the firing. So latency ≈ samples topic and consumer +"
            + " arrival evaluation + outbox relay + Kafka delivery.");
    for (IntervalRun run : runs) {
      Distribution total = of(run, Round::latencyMs);
      Distribution wait = of(run, Round::waitMs);
      if (total.count() == 0) {
        continue;
      }
      double rest = total.mean() - wait.mean();
      md.append(
          String.format(
              Locale.ROOT,
              " At %s, reaching the evaluation that fired is %.0f %% of the mean (%s of %s), the"
                  + " evaluation, commit, relay and delivery the other %s.",
              AlertLatencySettings.text(run.interval()),
              100 * wait.mean() / total.mean(),
              Distribution.ms(wait.mean()),
              Distribution.ms(total.mean()),
              Distribution.ms(rest)));
    }
    md.append("\n\n");
    for (IntervalRun run : runs) {
      Distribution total = of(run, Round::latencyMs);
      if (total.count() > 0) {
        double p99 = total.percentile(99);
        md.append(
            String.format(
                Locale.ROOT,
                "- **Target (issue 14): p99 under 1 s** at %s: %s (p99 %s%s).\n",
                interval(run),
                p99 < 1000 && run.missed() == 0 ? "met" : "**not met**",
                Distribution.ms(p99),
                run.missed() == 0 ? "" : ", " + run.missed() + " rounds missed"));
      }
    }
    md.append('\n');
  }

  private void breakdown(StringBuilder md) {
    md.append("### Where the time goes\n\n");
    md.append("| interval | part | mean | p50 | p90 | max |\n" + "|---|---|---:|---:|---:|---:|\n");
    for (IntervalRun run : runs) {
      row(md, run, "to the evaluation that fired (topic, consumer, queue)", Round::waitMs);
      row(md, run, "evaluation, up to the outbox row", Round::evaluationMs);
      row(md, run, "rest of the transaction, commit, outbox relay", Round::relayMs);
      row(md, run, "Kafka: broker acknowledgement and consumer fetch", Round::deliveryMs);
    }
    md.append('\n');
    md.append(
        "Read from each AlertFired as received: its `startedAt` is the instant of the evaluation"
            + " that fired it (for `for: 0s`, the evaluation's clock reading when it began), its"
            + " `ce_time` header when the outbox row was written inside that evaluation's"
            + " transaction, the Kafka record's CreateTime when the relay's producer sent it."
            + " All clocks are this machine's. The first part can be slightly negative: the"
            + " consumer may read the sample, and the evaluation begin, before the 204 has"
            + " travelled back to the sender; or an evaluation that began just before the 204"
            + " still read the head after the sample landed.\n\n");
  }

  private void row(
      StringBuilder md, IntervalRun run, String part, ToDoubleFunction<Round> measure) {
    Distribution d = of(run, measure);
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %s | %s | %s | %s |\n",
            AlertLatencySettings.text(run.interval()),
            part,
            Distribution.ms(d.mean()),
            Distribution.ms(d.percentile(50)),
            Distribution.ms(d.percentile(90)),
            Distribution.ms(d.max())));
  }

  private void resolution(StringBuilder md) {
    md.append("### Resolution\n\n");
    md.append("| interval | rounds | p50 | p90 | p99 | max |\n|---|---:|---:|---:|---:|---:|\n");
    for (IntervalRun run : runs) {
      Distribution d = of(run, Round::resolveMs);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s |\n",
              AlertLatencySettings.text(run.interval()),
              d.count(),
              d.percentileCells()));
    }
    md.append('\n');
    md.append(
        "From the `204` of the clearing sample (value 0), sent as soon as the AlertFired"
            + " arrived, to the AlertResolved. The clearing sample lands just after the"
            + " evaluation that fired, so it waits for most of an interval: a phase close to the"
            + " worst, not a random one.\n\n");
  }

  private void service(StringBuilder md) {
    md.append("### The service during the rounds\n\n");
    md.append(
        "| interval | rule evaluations during the rounds (at the interval) | evaluation p50 |"
            + " p99 | max | outbox lag p50 | p99 |"
            + " background samples/s | write p50 | write p99 | 429 | errors | head series |"
            + " CPU % |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (IntervalRun run : runs) {
      ScrapedMetrics.Timer evaluation = run.rules().evaluation();
      RemoteWriteLoad.Result load = run.background();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d (%.0f) | %s | %s | %s | %s | %s | %.0f | %s | %s | %d | %d | %.0f | %s"
                  + " |\n",
              AlertLatencySettings.text(run.interval()),
              run.evaluationsDuringRounds(),
              run.roundsSeconds() * 1000 / run.interval().toMillis(),
              Distribution.ms(evaluation.p50Ms()),
              Distribution.ms(evaluation.p99Ms()),
              Distribution.ms(evaluation.maxMs()),
              Distribution.ms(run.outboxLag().p50Ms()),
              Distribution.ms(run.outboxLag().p99Ms()),
              load.samplesPerSecond(),
              Distribution.ms(load.percentileMs(50)),
              Distribution.ms(load.percentileMs(99)),
              load.overloaded(),
              load.errors(),
              run.headSeries(),
              run.cpu().summary()));
    }
    md.append('\n');
    md.append(
        "Rule evaluations: how many the service's `vigie.monitoring.rules.evaluation` timer"
            + " counted while the rounds ran, and in brackets how many the interval schedules in"
            + " that time (fewer means cycles were skipped: a new evaluation never starts while"
            + " the previous one runs); p50, p99 and max over Micrometer's decaying window of about"
            + " 2 minutes at the end (its percentiles are histogram estimates, so p99 may read a"
            + " little above max). Outbox lag: the relay's `vigie.outbox.publish.lag` timer,"
            + " from the outbox row's `occurred_at` to the broker's acknowledgement. Background:"
            + " the remote_write load over the rounds (after its warm-up), with its request"
            + " latencies. CPU %: how busy the machine was during the rounds (100 = both CPUs),"
            + " then its split: the service + PostgreSQL + the benchmark's JVM (load generator,"
            + " Kafka broker, consumer) + other processes.\n\n");
    for (IntervalRun run : runs) {
      md.append("- ")
          .append(AlertLatencySettings.text(run.interval()))
          .append(": ")
          .append(run.rules().describe())
          .append('\n');
    }
    md.append('\n');
    for (IntervalRun run : runs) {
      List<String> problems = run.logProblems();
      md.append("Service log at ").append(AlertLatencySettings.text(run.interval())).append(": ");
      if (problems.isEmpty()) {
        md.append("no ERROR or WARN line.\n\n");
      } else {
        md.append(problems.size()).append(" ERROR or WARN lines, the first ones:\n\n```\n");
        problems.stream()
            .limit(5)
            .forEach(line -> md.append(line, 0, Math.min(line.length(), 400)).append('\n'));
        md.append("```\n\n");
      }
    }
  }

  private void method(StringBuilder md) {
    md.append("## Method\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "For each interval, one start of monitoring-service (its built jar, a fresh"
                + " database, and a samples topic of its own, `monitoring.samples.<n>`, on the"
                + " shared embedded broker, so it does not first replay the previous run's"
                + " samples), then:\n\n"
                + "1. %d target servers are registered through real `server-registered` events on"
                + " `inventory.events`, as inventory-service publishes them, and the rule is"
                + " created through `POST /api/v1/alert-rules` (the default rule pack, installed"
                + " at startup, stays on).\n"
                + "2. A background remote_write load starts: %d node_exporter-like hosts × %d"
                + " series = %d series (whose `vigie_server_id` names no inventory server, so the"
                + " default pack evaluates them without opening alerts), paced to %.0f samples/s"
                + " in all by %d senders (requests of %d to %d samples): the ingest of about"
                + " %.0f such hosts scraped every 15 s. %d s of warm-up.\n"
                + "3. Each target server has a probe series `%s{server_id=<its id>, instance,"
                + " job}`, at 0. The servers run the %d rounds between them, concurrently; a"
                + " round waits a uniformly random part of the interval (so the sample falls at a"
                + " random point of the evaluation cycle whatever the previous round left), sends"
                + " the breaching sample (1) in its own remote_write request with an agent's"
                + " token, notes when the `204` came back, waits for the AlertFired of that server,"
                + " sends the clearing sample (0), notes its `204`, and waits for the"
                + " AlertResolved (same fingerprint) before the next round.\n"
                + "4. The service's meters and log are read, and the service is stopped.\n\n",
            settings.targets(),
            fleet.hostCount(),
            fleet.seriesPerHost(),
            fleet.seriesCount(),
            settings.samplesPerSecond(),
            settings.senders(),
            AlertLatencySettings.MIN_BATCH,
            AlertLatencySettings.MAX_BATCH,
            settings.samplesPerSecond() * 15 / fleet.seriesPerHost(),
            settings.warmup().toSeconds(),
            AlertLatencyBenchmark.PROBE_METRIC,
            settings.rounds()));
  }

  private void parameters(StringBuilder md) {
    md.append("## Parameters\n\n");
    settings
        .describe()
        .forEach((k, v) -> md.append("- `").append(k).append("` = ").append(v).append('\n'));
    for (IntervalRun run : runs) {
      md.append("- ")
          .append(interval(run))
          .append(": `")
          .append(String.join(" ", run.command()))
          .append("`")
          .append(
              run.intervalSet()
                  ? " with `VIGIE_MONITORING_RULES_EVALUATION_INTERVAL="
                      + AlertLatencySettings.text(run.interval())
                      + "`"
                  : " (the evaluation interval left at its default)")
          .append(String.format(Locale.ROOT, "; rounds took %.0f s", run.roundsSeconds()))
          .append('\n');
    }
    md.append(
        "- The service is configured through the environment only (HTTP on 127.0.0.1, the"
            + " embedded PostgreSQL and Kafka, OIDC with a local RS256 key), its defaults"
            + " otherwise: outbox relay woken by NOTIFY with a 1 s poll, batches of 500.\n\n");
  }

  private void machine(StringBuilder md) {
    md.append("## Machine\n\n");
    machine.appendMarkdown(md, loadBefore, loadAfter);
    for (IntervalRun run : runs) {
      md.append("- 1-minute load average when the ")
          .append(AlertLatencySettings.text(run.interval()))
          .append(" run started: ")
          .append(run.calm().describe())
          .append('\n');
    }
    md.append("- PostgreSQL ").append(postgres).append(", the test kit's embedded server\n");
    md.append("- Kafka: the test kit's embedded KRaft broker, in the benchmark's JVM\n");
    md.append("- Java (service and load generator):\n\n```\n")
        .append(machine.javaVersion())
        .append("\n```\n\n");
    md.append(
        "Before each interval's run, the benchmark waits (up to 15 minutes, polling every 15 s)"
            + " until the 1-minute load average is below "
            + (runs.isEmpty() ? "1.5" : Double.toString(runs.get(0).calm().threshold()))
            + ". The service, PostgreSQL, Kafka, the load generator and the consumer share this"
            + " machine's CPUs.\n");
  }

  private String interval(IntervalRun run) {
    return AlertLatencySettings.text(run.interval())
        + (run.intervalSet() ? "" : " (service default)");
  }

  private static Distribution of(IntervalRun run, ToDoubleFunction<Round> measure) {
    return Distribution.of(run.complete().stream().map(r -> measure.applyAsDouble(r)).toList());
  }
}
