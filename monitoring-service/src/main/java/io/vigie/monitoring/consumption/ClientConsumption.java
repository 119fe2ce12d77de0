package io.vigie.monitoring.consumption;

import io.vigie.events.inventory.GuestKind;
import io.vigie.monitoring.consumption.Bandwidth.ClientBandwidthReport;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A client's consumption over a month: what each of its VMs and containers was allocated, what each
 * server dedicated to it has and used (the hourly usage rollups: average and peak), its bandwidth
 * at the 95th percentile against the contracted links ({@link Bandwidth}), and what is not measured
 * yet, said plainly. Rendered as JSON and as a Markdown document ({@link #markdown}).
 */
public final class ClientConsumption {

  private ClientConsumption() {}

  /**
   * A VM or container of the client, what it was allocated and, when it has its own node_exporter,
   * what it used over the month's measured hours.
   *
   * @param use null when no hour of the month was measured (no exporter of its own)
   */
  public record ConsumptionGuest(
      UUID id,
      String name,
      GuestKind kind,
      UUID hostServerId,
      String hostname,
      int vcpus,
      int ramGb,
      int diskGb,
      int hoursInMonth,
      GuestUsage.GuestUse use) {}

  /**
   * A server dedicated to the client (every guest and hosted service on it is the client's): what
   * it has (the whole server is allocated to the client) and what it used over the month's measured
   * hours; the figures are null when no hour was measured.
   *
   * @param threads hardware threads, null while the inventory has not described the hardware
   * @param diskGbLast the disk used in the last measured hour (disk grows; its average says less)
   */
  public record ConsumptionServer(
      UUID serverId,
      String hostname,
      String datacenterCode,
      Integer threads,
      Integer ramGb,
      Long diskGb,
      int hoursMeasured,
      int hoursInMonth,
      Double cpuPercentAvg,
      Double cpuPercentPeak,
      Double ramGbAvg,
      Double ramGbPeak,
      Double diskGbAvg,
      Double diskGbLast) {}

  /**
   * What a backup policy of the client added over the month: its successful runs and the new data
   * they stored (restic's {@code data_added}; runs whose tool reported no size are counted apart).
   */
  public record ConsumptionBackup(
      UUID policyId,
      String targetKind,
      String targetName,
      String backupKind,
      int runs,
      int runsWithSize,
      long bytesAdded,
      double gbAdded,
      Instant firstRunAt,
      Instant lastRunAt) {}

  /**
   * What a repository of the client holds (backup-service's {@code RepositoryStorageMeasured}:
   * restic stats in raw-data mode): at the month's end (its last measurement before it) and its
   * growth over the month, from the last measurement before the month (else the first in it).
   *
   * @param measurements measurements taken within the month
   * @param growthBytes endBytes − startBytes; negative when pruning freed more than backups added
   * @param capacityBytes its capacity as backup-service last reported it, null when none is set
   * @param forecast its storage trend over the 30 days up to the month's end (or now, for the
   *     current month) and the date it reaches 90 % of its capacity, or why not ({@link
   *     GrowthForecast})
   */
  public record ConsumptionRepository(
      UUID repositoryId,
      String name,
      String datacenterCode,
      long startBytes,
      long endBytes,
      long growthBytes,
      double endGb,
      double growthGb,
      int snapshotsCount,
      int measurements,
      Instant lastMeasuredAt,
      Long capacityBytes,
      GrowthForecast.GrowthTrend forecast) {}

  /**
   * The report.
   *
   * @param bandwidth the 95th percentile per interface and summed; null for a month older than the
   *     previous one (only hourly network figures are kept), see {@code bandwidthNote}
   * @param notMeasured what the report cannot show yet, and why
   */
  public record ClientConsumptionReport(
      String clientCode,
      String clientName,
      String month,
      Instant generatedAt,
      List<ConsumptionGuest> virtualMachines,
      List<ConsumptionServer> servers,
      ClientBandwidthReport bandwidth,
      String bandwidthNote,
      List<ConsumptionBackup> backups,
      List<ConsumptionRepository> repositories,
      List<DatabaseSizes.ConsumptionDatabase> databases,
      List<String> notMeasured) {}

  /** What this report does not measure yet, stated in every report. */
  static final List<String> NOT_MEASURED =
      List.of(
          "the usage of a VM or container without a node_exporter of its own: it shows what it"
              + " was allocated only",
          "backup storage in repositories the hoster shares between clients: a shared"
              + " repository's size is not split per client here (the hoster's staff have an"
              + " estimate per repository); the client's own repositories are shown",
          "the size of a database no postgres exporter reports (pg_database_size_bytes; MySQL"
              + " and others): it is listed without figures");

  /** The report as a Markdown document a client can read or print. */
  public static String markdown(ClientConsumptionReport r) {
    StringBuilder md = new StringBuilder();
    md.append("# Consumption of ")
        .append(r.clientName())
        .append(" (")
        .append(r.clientCode())
        .append("), ")
        .append(r.month())
        .append("\n\n");
    md.append("Generated ").append(r.generatedAt()).append(" (UTC).\n\n");
    md.append("## Virtual machines and containers (allocated)\n\n");
    if (r.virtualMachines().isEmpty()) {
      md.append("None.\n\n");
    } else {
      md.append("| name | kind | host | vCPUs | RAM (GB) | disk (GB) |\n");
      md.append("|---|---|---|---:|---:|---:|\n");
      for (ConsumptionGuest g : r.virtualMachines()) {
        guestRow(md, g);
      }
      md.append('\n');
      md.append("## Virtual machines and containers (used against allocated)\n\n");
      md.append(
          "| name | vCPUs | CPU avg / p95 (%) | vCPUs used (p95) | RAM (GB) | RAM avg / p95 (GB) |"
              + " disk used (GB) | hours measured |\n");
      md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
      for (ConsumptionGuest g : r.virtualMachines()) {
        GuestUsage.GuestUse u = g.use();
        md.append("| ")
            .append(g.name())
            .append(" | ")
            .append(g.vcpus())
            .append(" | ")
            .append(u == null ? "–" : pair(u.cpuPercentAvg(), u.cpuPercentP95()))
            .append(" | ")
            .append(u == null ? "–" : number(u.vcpusUsedP95()))
            .append(" | ")
            .append(g.ramGb())
            .append(" | ")
            .append(u == null ? "–" : pair(u.ramGbAvg(), u.ramGbP95()))
            .append(" | ")
            .append(u == null ? "–" : number(u.diskGbLast()))
            .append(" | ")
            .append(u == null ? 0 : u.hoursMeasured())
            .append(" / ")
            .append(g.hoursInMonth())
            .append(" |\n");
      }
      md.append('\n');
    }
    md.append("## Dedicated servers (used against physical)\n\n");
    if (r.servers().isEmpty()) {
      md.append("None.\n\n");
    } else {
      md.append(
          "| server | threads | CPU avg / peak (%) | RAM (GB) | RAM avg / peak (GB) | disk (GB) |"
              + " disk used (GB) | hours measured |\n");
      md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
      for (ConsumptionServer s : r.servers()) {
        md.append("| ")
            .append(s.hostname())
            .append(" | ")
            .append(value(s.threads()))
            .append(" | ")
            .append(pair(s.cpuPercentAvg(), s.cpuPercentPeak()))
            .append(" | ")
            .append(value(s.ramGb()))
            .append(" | ")
            .append(pair(s.ramGbAvg(), s.ramGbPeak()))
            .append(" | ")
            .append(value(s.diskGb()))
            .append(" | ")
            .append(number(s.diskGbLast()))
            .append(" | ")
            .append(s.hoursMeasured())
            .append(" / ")
            .append(s.hoursInMonth())
            .append(" |\n");
      }
      md.append('\n');
    }
    md.append("## Bandwidth at the 95th percentile\n\n");
    if (r.bandwidth() == null) {
      md.append(r.bandwidthNote()).append("\n\n");
    } else {
      md.append("| interface | server | link | commit (Mbit/s) | in | out | billed | samples |\n");
      md.append("|---|---|---|---:|---:|---:|---:|---:|\n");
      for (Bandwidth.LinkMonth l : r.bandwidth().links()) {
        md.append("| ")
            .append(l.interfaceName())
            .append(l.guestId() == null ? "" : " (guest)")
            .append(" | ")
            .append(l.hostname() == null ? "" : l.hostname())
            .append(" | ")
            .append(l.link() == null ? "" : l.link().kind() + " " + l.link().name())
            .append(" | ")
            .append(value(l.figures().commitMbps()))
            .append(" | ")
            .append(number(l.figures().inboundMbps()))
            .append(" | ")
            .append(number(l.figures().outboundMbps()))
            .append(" | ")
            .append(number(l.figures().billedMbps()))
            .append(" | ")
            .append(l.figures().samples())
            .append(" / ")
            .append(l.figures().expectedSamples())
            .append(" |\n");
      }
      Bandwidth.MonthFigures t = r.bandwidth().total();
      md.append("\nTotal (interfaces summed slot by slot): ")
          .append(number(t.inboundMbps()))
          .append(" Mbit/s in, ")
          .append(number(t.outboundMbps()))
          .append(" Mbit/s out, billed ")
          .append(number(t.billedMbps()))
          .append(" Mbit/s, over ")
          .append(t.samples())
          .append(" of ")
          .append(t.expectedSamples())
          .append(" five-minute samples.\n\n");
    }
    md.append("## Backups (data added by successful runs)\n\n");
    if (r.backups().isEmpty()) {
      md.append("None this month.\n\n");
    } else {
      md.append("| target | kind | runs | added (GB) | last run |\n");
      md.append("|---|---|---:|---:|---|\n");
      for (ConsumptionBackup b : r.backups()) {
        md.append("| ")
            .append(b.targetName())
            .append(" | ")
            .append(b.backupKind())
            .append(" | ")
            .append(b.runs())
            .append(" | ")
            .append(number(b.gbAdded()))
            .append(b.runsWithSize() < b.runs() ? " (" + b.runsWithSize() + " runs sized)" : "")
            .append(" | ")
            .append(b.lastRunAt())
            .append(" |\n");
      }
      md.append('\n');
    }
    md.append("## Backup storage held per repository\n\n");
    if (r.repositories().isEmpty()) {
      md.append("No measurement of the client's repositories up to the month's end.\n\n");
    } else {
      md.append(
          "| repository | datacenter | held at month end (GB) | growth over the month (GB) |"
              + " snapshots | last measured |\n");
      md.append("|---|---|---:|---:|---:|---|\n");
      for (ConsumptionRepository repo : r.repositories()) {
        md.append("| ")
            .append(repo.name())
            .append(" | ")
            .append(repo.datacenterCode())
            .append(" | ")
            .append(number(repo.endGb()))
            .append(" | ")
            .append(repo.growthGb() > 0 ? "+" : "")
            .append(number(repo.growthGb()))
            .append(" | ")
            .append(repo.snapshotsCount())
            .append(" | ")
            .append(repo.lastMeasuredAt())
            .append(" |\n");
      }
      md.append('\n');
      md.append("## Backup storage forecast (least-squares trend of the last 30 days)\n\n");
      md.append(
          "| repository | capacity (GB) | growth per day (GB) | in 30 / 90 / 180 days (GB) |"
              + " 90 % full on |\n");
      md.append("|---|---:|---:|---:|---|\n");
      for (ConsumptionRepository repo : r.repositories()) {
        GrowthForecast.GrowthTrend t = repo.forecast();
        md.append("| ")
            .append(repo.name())
            .append(" | ")
            .append(repo.capacityBytes() == null ? "–" : number(repo.capacityBytes() / 1e9))
            .append(" | ")
            .append(t == null || t.slopePerDay() == null ? "–" : number(t.slopePerDay() / 1e9))
            .append(" | ")
            .append(
                t == null || t.forecasts().isEmpty()
                    ? "–"
                    : String.join(
                        " / ", t.forecasts().stream().map(f -> number(f.value() / 1e9)).toList()))
            .append(" | ")
            .append(fullOn(t))
            .append(" |\n");
      }
      md.append('\n');
    }
    md.append("## Databases (size where measured)\n\n");
    if (r.databases().isEmpty()) {
      md.append("None.\n\n");
    } else {
      md.append(
          "| database | name | measured on | size at month end (GB) | growth over the month (GB)"
              + " | hours measured |\n");
      md.append("|---|---|---|---:|---:|---:|\n");
      for (DatabaseSizes.ConsumptionDatabase d : r.databases()) {
        md.append("| ")
            .append(d.name())
            .append(" | ")
            .append(d.datname())
            .append(" | ")
            .append(d.measuredOn() == null ? "not measured" : d.measuredOn())
            .append(" | ")
            .append(number(d.endGb()))
            .append(" | ")
            .append(
                d.growthGb() == null ? "–" : (d.growthGb() > 0 ? "+" : "") + number(d.growthGb()))
            .append(" | ")
            .append(d.hoursMeasured())
            .append(" |\n");
      }
      md.append('\n');
    }
    md.append("## Not measured\n\n");
    for (String n : r.notMeasured()) {
      md.append("- ").append(n).append('\n');
    }
    return md.toString();
  }

  private static void guestRow(StringBuilder md, ConsumptionGuest g) {
    md.append("| ")
        .append(g.name())
        .append(" | ")
        .append(g.kind())
        .append(" | ")
        .append(g.hostname() == null ? "" : g.hostname())
        .append(" | ")
        .append(g.vcpus())
        .append(" | ")
        .append(g.ramGb())
        .append(" | ")
        .append(g.diskGb())
        .append(" |\n");
  }

  private static String fullOn(GrowthForecast.GrowthTrend t) {
    if (t == null) {
      return "–";
    }
    if (t.crossesAt() != null) {
      return t.crossesAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()
          + " (in "
          + Math.round(Math.floor(t.daysUntil()))
          + " days)";
    }
    return switch (t.reason()) {
      case NOT_ENOUGH_POINTS -> "not enough measurements";
      case NO_CAPACITY -> "no capacity set";
      case FLAT -> "not growing";
      case SHRINKING -> "shrinking";
      case BEYOND_TEN_YEARS -> "beyond ten years";
    };
  }

  private static String value(Object o) {
    return o == null ? "–" : o.toString();
  }

  private static String number(Double d) {
    return d == null ? "–" : String.format(Locale.ROOT, "%.2f", d);
  }

  private static String pair(Double avg, Double peak) {
    return avg == null ? "–" : number(avg) + " / " + number(peak);
  }
}
