package io.vigie.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrkLoadTest {

  /** wrk 4.1.0's output of a list run, with the line benchmarks/wrk/inventory.lua's done() adds. */
  private static final String OUTPUT =
      """
      Running 30s test @ http://127.0.0.1:46849/api/v1/servers?page=0&size=50
        2 threads and 32 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency    14.20ms    6.31ms  98.12ms   80.11%
          Req/Sec     1.13k   120.00     1.40k    70.00%
        67612 requests in 30.04s, 1.21GB read
        Non-2xx or 3xx responses: 12
      Requests/sec:   2250.73
      Transfer/sec:     41.20MB
      vigie-wrk {"requests":67612,"durationMicros":30040000,"bytes":1300000000,\
      "connectErrors":0,"readErrors":1,"writeErrors":0,"statusErrors":12,"timeouts":2,\
      "minMicros":1200,"meanMicros":14200.5,"maxMicros":98120,"stdevMicros":6310.2,\
      "p50Micros":13100,"p90Micros":22000,"p99Micros":41300,"p999Micros":77000}
      """;

  @Test
  void readsTheTotalsAndPercentilesTheDoneHookPrints() throws Exception {
    WrkLoad.Result result = WrkLoad.parse("list", List.of("wrk"), OUTPUT);

    assertThat(result.requests()).isEqualTo(67612);
    assertThat(result.seconds()).isEqualTo(30.04);
    assertThat(result.ok()).isEqualTo(67600);
    assertThat(result.statusErrors()).isEqualTo(12);
    assertThat(result.socketErrors()).isEqualTo(3);
    assertThat(result.errors()).isEqualTo(15);
    assertThat(result.perSecond())
        .isCloseTo(67600 / 30.04, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(result.percentileMs(50)).isEqualTo(13.1);
    assertThat(result.percentileMs(99)).isEqualTo(41.3);
    assertThat(result.meanMs()).isEqualTo(14.2005);
    assertThat(result.maxMs()).isEqualTo(98.12);
  }

  @Test
  void refusesAnOutputWithoutTheDoneHooksLine() {
    assertThatThrownBy(() -> WrkLoad.parse("list", List.of("wrk"), "Running 30s test @ x\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("done()");
  }

  @Test
  void hasNoPercentileTheHookDoesNotPrint() throws Exception {
    WrkLoad.Result result = WrkLoad.parse("list", List.of("wrk"), OUTPUT);

    assertThatThrownBy(() -> result.percentileMs(75)).isInstanceOf(IllegalArgumentException.class);
  }
}
