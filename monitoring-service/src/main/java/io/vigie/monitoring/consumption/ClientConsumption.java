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

  /** A VM or container of the client and what it was allocated. */
  public record ConsumptionGuest(
      UUID id,
      String name,
      GuestKind kind,
      UUID hostServerId,
      String hostname,
      int vcpus,
      int ramGb,
      int diskGb) {}

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
      List<String> notMeasured) {}

  /** What this report does not measure yet, stated in every report. */
  static final List<String> NOT_MEASURED =
      List.of(
          "VM and container usage: the hourly rollups measure physical servers only; a guest shows"
              + " what it was allocated",
          "backup storage held per repository: backup-service publishes what each run added (summed"
              + " here per policy), not what a repository holds after pruning",
          "database sizes: not collected");

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
    md.append("## Not measured\n\n");
    for (String n : r.notMeasured()) {
      md.append("- ").append(n).append('\n');
    }
    return md.toString();
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
