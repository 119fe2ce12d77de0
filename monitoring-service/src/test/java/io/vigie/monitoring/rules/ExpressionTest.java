package io.vigie.monitoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.monitoring.metrics.Sample;
import io.vigie.monitoring.metrics.Series;
import io.vigie.monitoring.rules.RuleDefinition.Aggregate;
import io.vigie.monitoring.rules.RuleDefinition.Expr;
import io.vigie.monitoring.rules.RuleDefinition.Function;
import io.vigie.monitoring.rules.RuleDefinition.Matcher;
import io.vigie.monitoring.rules.RuleDefinition.Selector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The rule expressions on hand-made series, checked against hand-computed values. */
class ExpressionTest {

  static final long NOW = 1_800_000_000_000L;

  /** An in-memory set of series. */
  static final class Fleet implements SeriesLookup {
    final List<Series> all = new ArrayList<>();

    Fleet add(Map<String, String> labels, long[] times, double[] values) {
      Map<String, String> sorted = new TreeMap<>(labels);
      List<Sample> points = new ArrayList<>();
      for (int i = 0; i < times.length; i++) {
        points.add(new Sample(times[i], values[i]));
      }
      all.add(
          new Series() {
            @Override
            public Map<String, String> labels() {
              return sorted;
            }

            @Override
            public Sample latest() {
              return points.isEmpty() ? null : points.get(points.size() - 1);
            }

            @Override
            public List<Sample> samplesSince(long fromMillis) {
              return points.stream().filter(p -> p.timestampMillis() >= fromMillis).toList();
            }
          });
      return this;
    }

    Fleet gauge(String name, Map<String, String> labels, double value) {
      Map<String, String> all = new TreeMap<>(labels);
      all.put("__name__", name);
      return add(all, new long[] {NOW - 15_000}, new double[] {value});
    }

    @Override
    public Collection<? extends Series> select(String metric) {
      return all.stream().filter(s -> metric.equals(s.labels().get("__name__"))).toList();
    }
  }

  private static Selector sel(String metric, Function f, Aggregate a, Matcher... m) {
    return new Selector(metric, List.of(m), f, a, null, null, null);
  }

  @Test
  void aRatioMatchesSeriesWithTheSameLabels() {
    Fleet series =
        new Fleet()
            .gauge(
                "node_filesystem_avail_bytes",
                Map.of("instance", "web1:9100", "mountpoint", "/"),
                5)
            .gauge(
                "node_filesystem_size_bytes",
                Map.of("instance", "web1:9100", "mountpoint", "/"),
                100)
            .gauge(
                "node_filesystem_avail_bytes",
                Map.of("instance", "web1:9100", "mountpoint", "/var"),
                60)
            .gauge(
                "node_filesystem_size_bytes",
                Map.of("instance", "web1:9100", "mountpoint", "/var"),
                80)
            .gauge(
                "node_filesystem_avail_bytes",
                Map.of("instance", "web1:9100", "mountpoint", "/run", "fstype", "tmpfs"),
                1)
            .gauge(
                "node_filesystem_size_bytes",
                Map.of("instance", "web1:9100", "mountpoint", "/run", "fstype", "tmpfs"),
                100);
    Matcher realFs = new Matcher("fstype", "!~", "tmpfs|overlay");
    Expression free =
        Expression.compile(
            new Expr(
                sel("node_filesystem_avail_bytes", Function.VALUE, null, realFs),
                sel("node_filesystem_size_bytes", Function.VALUE, null, realFs)));

    Map<Map<String, String>, Double> values = free.evaluate(series, NOW);

    assertThat(values)
        .containsOnly(
            Map.entry(Map.of("instance", "web1:9100", "mountpoint", "/"), 0.05),
            Map.entry(Map.of("instance", "web1:9100", "mountpoint", "/var"), 0.75));
  }

  @Test
  void loadPerCoreDividesByTheCountOfCpusOfTheSameInstance() {
    Fleet series =
        new Fleet()
            .gauge("node_load5", Map.of("instance", "db1:9100"), 9)
            .gauge("node_load5", Map.of("instance", "web1:9100"), 1);
    for (int cpu = 0; cpu < 4; cpu++) {
      series.gauge(
          "node_cpu_seconds_total",
          Map.of("instance", "db1:9100", "cpu", "" + cpu, "mode", "idle"),
          100);
      series.gauge(
          "node_cpu_seconds_total",
          Map.of("instance", "db1:9100", "cpu", "" + cpu, "mode", "user"),
          100);
    }
    series.gauge(
        "node_cpu_seconds_total", Map.of("instance", "web1:9100", "cpu", "0", "mode", "idle"), 100);
    Expression perCore =
        Expression.compile(
            new Expr(
                sel("node_load5", Function.VALUE, null),
                sel(
                    "node_cpu_seconds_total",
                    Function.VALUE,
                    Aggregate.COUNT,
                    new Matcher("mode", "=", "idle"))));

    assertThat(perCore.evaluate(series, NOW))
        .containsOnly(
            Map.entry(Map.of("instance", "db1:9100"), 2.25),
            Map.entry(Map.of("instance", "web1:9100"), 1.0));
  }

  @Test
  void rateHandlesACounterResetAndAvgAggregatesPerInstance() {
    Fleet series = new Fleet();
    // cpu0 idle: 0 → 30 s → reset to 5 → 20: increase 30 + 5 + 15 = 50 over 60 s
    series.add(
        Map.of(
            "__name__", "node_cpu_seconds_total", "instance", "a:9100", "cpu", "0", "mode", "idle"),
        new long[] {NOW - 60_000, NOW - 40_000, NOW - 20_000, NOW},
        new double[] {0, 30, 5, 20});
    // cpu1 idle: 10 per 20 s → 0.5/s
    series.add(
        Map.of(
            "__name__", "node_cpu_seconds_total", "instance", "a:9100", "cpu", "1", "mode", "idle"),
        new long[] {NOW - 60_000, NOW - 40_000, NOW - 20_000, NOW},
        new double[] {0, 10, 20, 30});
    Expression idle =
        Expression.compile(
            new Expr(
                sel(
                    "node_cpu_seconds_total",
                    Function.RATE,
                    Aggregate.AVG,
                    new Matcher("mode", "=", "idle")),
                null));

    Map<Map<String, String>, Double> values = idle.evaluate(series, NOW);

    assertThat(values).hasSize(1);
    assertThat(values.get(Map.of("instance", "a:9100")))
        .isCloseTo((50.0 / 60 + 30.0 / 60) / 2, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void staleSeriesAreLeftOutAndAgeAndAbsWork() {
    Fleet series = new Fleet();
    series.add(
        Map.of("__name__", "node_boot_time_seconds", "instance", "old:9100"),
        new long[] {NOW - 6 * 60_000},
        new double[] {1});
    series.gauge("node_boot_time_seconds", Map.of("instance", "new:9100"), NOW / 1000.0 - 120);
    series.gauge("node_timex_offset_seconds", Map.of("instance", "new:9100"), -0.2);

    assertThat(
            Expression.compile(new Expr(sel("node_boot_time_seconds", Function.AGE, null), null))
                .evaluate(series, NOW))
        .containsOnly(Map.entry(Map.of("instance", "new:9100"), 120.0));
    assertThat(
            Expression.compile(new Expr(sel("node_timex_offset_seconds", Function.ABS, null), null))
                .evaluate(series, NOW))
        .containsOnly(Map.entry(Map.of("instance", "new:9100"), 0.2));
  }

  @Test
  void aDivisionByZeroGivesNoValue() {
    Fleet series =
        new Fleet()
            .gauge("node_memory_SwapFree_bytes", Map.of("instance", "a"), 0)
            .gauge("node_memory_SwapTotal_bytes", Map.of("instance", "a"), 0);
    assertThat(
            Expression.compile(
                    new Expr(
                        sel("node_memory_SwapFree_bytes", Function.VALUE, null),
                        sel("node_memory_SwapTotal_bytes", Function.VALUE, null)))
                .evaluate(series, NOW))
        .isEmpty();
  }

  @Test
  void aBadRegularExpressionNamesItsField() {
    assertThatThrownBy(
            () ->
                Expression.compile(
                    new Expr(
                        sel("up", Function.VALUE, null, new Matcher("job", "=~", "(node")), null)))
        .hasMessageStartingWith("expr.selector.matchers[0].value");
  }

  @Test
  void everyRuleOfTheDefaultPackCompiles() {
    assertThat(DefaultRulePack.rules())
        .hasSizeGreaterThanOrEqualTo(14)
        .allSatisfy(rule -> CompiledRule.compile(null, rule));
    assertThat(DefaultRulePack.rules().stream().map(RuleDefinition::name))
        .contains(
            "filesystem-space-low",
            "filesystem-inodes-low",
            "filesystem-full-soon",
            "load-per-core-high",
            "memory-low",
            "swap-used-high",
            "clock-drift",
            "host-rebooted",
            "systemd-unit-failed",
            "process-down",
            "mysql-replication-lag",
            "postgresql-replication-lag",
            "disk-unhealthy");
  }

  @Test
  void predictReadsTheLeastSquaresLineAheadAsPredictLinearDoes() {
    // free space falling 1 MB/s with noise of +-0.5 MB around the line, last 5 minutes
    long[] times = new long[11];
    double[] values = new double[11];
    for (int i = 0; i < 11; i++) {
      times[i] = NOW - 300_000 + i * 30_000L;
      values[i] = 1e9 - 1e6 * (times[i] - (NOW - 300_000)) / 1000.0 + (i % 2 == 0 ? 5e5 : -5e5);
    }
    Fleet fleet = new Fleet().add(Map.of("__name__", "node_filesystem_avail_bytes"), times, values);
    // the fitted line: about 700 MB now (1 000 MB - 300 s x 1 MB/s; the noise, 6 up and 5 down,
    // adds 45 kB), falling 1 MB/s: -2 900 MB in an hour
    Selector predict =
        new Selector(
            "node_filesystem_avail_bytes", List.of(), Function.PREDICT, null, null, "5m", "1h");
    double value =
        Expression.compile(new Expr(predict, null)).evaluate(fleet, NOW).values().iterator().next();
    io.vigie.monitoring.consumption.LinearTrend exact =
        io.vigie.monitoring.consumption.LinearTrend.fit(
            fleet.all.get(0).samplesSince(0), java.time.Instant.ofEpochMilli(NOW));
    assertThat(value).isEqualTo(exact.predict(java.time.Duration.ofHours(1)));
    assertThat(value).isCloseTo(700e6 - 3600e6, org.assertj.core.data.Offset.offset(1e6));
    // a sample after the evaluation instant is not read (time is the caller's)
    assertThat(
            Expression.compile(new Expr(predict, null))
                .evaluate(fleet, NOW - 150_000)
                .values()
                .iterator()
                .next())
        // the 6 samples up to then (the first noise up, the last down): -2 760.5 MB
        .isCloseTo(-2760.5e6, org.assertj.core.data.Offset.offset(1e5));

    assertThatThrownBy(
            () ->
                Expression.compile(
                    new Expr(
                        new Selector("x", List.of(), Function.PREDICT, null, null, "5m", null),
                        null)))
        .hasMessageStartingWith("expr.selector.horizon");
    assertThatThrownBy(
            () ->
                Expression.compile(
                    new Expr(
                        new Selector("x", List.of(), Function.VALUE, null, null, null, "1h"),
                        null)))
        .hasMessageStartingWith("expr.selector.horizon");
    assertThatThrownBy(
            () ->
                Expression.compile(
                    new Expr(
                        new Selector("x", List.of(), Function.PREDICT, null, null, null, "400d"),
                        null)))
        .hasMessageStartingWith("expr.selector.horizon");
  }

  @Test
  void durationsReadAsPrometheusWritesThem() {
    assertThat(PromDuration.parse("1h30m")).hasMinutes(90);
    assertThat(PromDuration.parse("45s")).hasSeconds(45);
    assertThat(PromDuration.parse("PT2M")).hasSeconds(120);
    assertThatThrownBy(() -> PromDuration.parse("5 minutes"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PromDuration.parse("5m3"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
