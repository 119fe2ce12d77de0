package io.vigie.monitoring.consumption;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What a VM or container used over a month, from the hourly rollups of its own node_exporter: the
 * average, the 95th percentile (the hours' averages sorted, the top 5 % rounded down discarded, the
 * highest left: {@link Percentile95#of}) and the peak of CPU (a share of its own vCPUs) and RAM,
 * and the disk used in the last measured hour. Plain Java.
 */
public final class GuestUsage {

  private GuestUsage() {}

  /** One measured hour (averages), oldest first. */
  public record Hour(double cpuPercent, double ramGb, double diskGb) {}

  /**
   * The month's figures, null without any measured hour.
   *
   * @param vcpusUsedP95 the CPU 95th percentile in vCPUs: {@code cpuPercentP95} of the allocation
   */
  public record GuestUse(
      int hoursMeasured,
      double cpuPercentAvg,
      double cpuPercentP95,
      double cpuPercentPeak,
      double vcpusUsedP95,
      double ramGbAvg,
      double ramGbP95,
      double ramGbPeak,
      double diskGbLast) {}

  /** The figures of {@code hours} (oldest first) for a guest allocated {@code vcpus}. */
  public static GuestUse of(List<Hour> hours, int vcpus) {
    if (hours.isEmpty()) {
      return null;
    }
    double[] cpu = new double[hours.size()];
    double[] ram = new double[hours.size()];
    double cpuSum = 0;
    double ramSum = 0;
    double cpuPeak = 0;
    double ramPeak = 0;
    for (int i = 0; i < hours.size(); i++) {
      Hour h = hours.get(i);
      cpu[i] = h.cpuPercent();
      ram[i] = h.ramGb();
      cpuSum += h.cpuPercent();
      ramSum += h.ramGb();
      cpuPeak = Math.max(cpuPeak, h.cpuPercent());
      ramPeak = Math.max(ramPeak, h.ramGb());
    }
    double cpuP95 = Percentile95.of(cpu);
    return new GuestUse(
        hours.size(),
        round(cpuSum / hours.size()),
        round(cpuP95),
        round(cpuPeak),
        round(cpuP95 / 100 * vcpus),
        round(ramSum / hours.size()),
        round(Percentile95.of(ram)),
        round(ramPeak),
        round(hours.get(hours.size() - 1).diskGb()));
  }

  private static double round(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }
}
