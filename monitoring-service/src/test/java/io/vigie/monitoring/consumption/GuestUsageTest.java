package io.vigie.monitoring.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.monitoring.consumption.GuestUsage.GuestUse;
import io.vigie.monitoring.consumption.GuestUsage.Hour;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A guest's month from its hourly rollups: averages, 95th percentiles and peaks by hand. */
class GuestUsageTest {

  @Test
  void twentyHoursGiveTheHandComputedFigures() {
    // CPU 1 .. 20 % (shuffled: the order of the hours does not matter to the percentile), RAM
    // 2.0 .. 3.9 GB, disk 10 GB growing 0.5 GB an hour. 20 hours: the top 5 % is one hour, so the
    // 95th percentile is the second highest: CPU 19 %, RAM 3.8 GB; averages 10.5 % and 2.95 GB;
    // 19 % of 2 vCPUs is 0.38 vCPU; the last hour's disk 19.5 GB
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < 20; k++) {
      order.add(k);
    }
    Collections.shuffle(order, new java.util.Random(17));
    List<Hour> hours = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int k = order.get(i);
      hours.add(new Hour(k + 1, 2.0 + 0.1 * k, 10 + 0.5 * i));
    }
    GuestUse f = GuestUsage.of(hours, 2);
    assertThat(f.hoursMeasured()).isEqualTo(20);
    assertThat(f.cpuPercentAvg()).isEqualTo(10.5);
    assertThat(f.cpuPercentP95()).isEqualTo(19.0);
    assertThat(f.cpuPercentPeak()).isEqualTo(20.0);
    assertThat(f.vcpusUsedP95()).isEqualTo(0.38);
    assertThat(f.ramGbAvg()).isEqualTo(2.95);
    assertThat(f.ramGbP95()).isEqualTo(3.8);
    assertThat(f.ramGbPeak()).isEqualTo(3.9);
    assertThat(f.diskGbLast()).isEqualTo(19.5);
  }

  @Test
  void underTwentyHoursNothingIsDiscardedAndNoHourGivesNoFigures() {
    // 19 hours: 5 % of 19 rounds down to 0, the percentile is the peak
    List<Hour> hours = new ArrayList<>();
    for (int k = 0; k < 19; k++) {
      hours.add(new Hour(k, 1, 5));
    }
    assertThat(GuestUsage.of(hours, 4).cpuPercentP95()).isEqualTo(18.0);
    assertThat(GuestUsage.of(hours, 4).vcpusUsedP95()).isEqualTo(0.72);
    assertThat(GuestUsage.of(List.of(), 4)).isNull();
  }
}
