package io.vigie.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTest {

  private static CpuMeter.Usage usage(
      double busy, double service, double wrk, double postgres, double others) {
    return new CpuMeter.Usage(busy, service + wrk, postgres, 0.01, others, service, 0, 0);
  }

  @Test
  void aRunWithIdleCpusWasNotBoundByThem() {
    assertThat(Report.boundBy(usage(0.62, 0.40, 0.02, 0.20, 0), 0.40, "the service"))
        .isEqualTo("not CPU (62 % busy)");
  }

  @Test
  void aCpuBoundRunNamesItsLargestConsumer() {
    assertThat(Report.boundBy(usage(0.98, 0.60, 0.03, 0.35, 0), 0.60, "the service"))
        .isEqualTo("CPU, mostly the service");
    assertThat(Report.boundBy(usage(0.97, 0.30, 0.03, 0.64, 0), 0.30, "the service"))
        .isEqualTo("CPU, mostly PostgreSQL");
    assertThat(Report.boundBy(usage(1.0, 0.20, 0.02, 0.10, 0.68), 0.20, "the service"))
        .isEqualTo("CPU, mostly other processes");
  }

  @Test
  void theLoadGeneratorIsTheChildrenOtherThanTheService() {
    CpuMeter.Usage cpu = usage(0.9, 0.55, 0.04, 0.3, 0);

    assertThat(cpu.untrackedChildren()).isCloseTo(0.04, org.assertj.core.data.Offset.offset(1e-9));
  }
}
