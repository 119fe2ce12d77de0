package io.vigie.monitoring.rules;

import io.vigie.monitoring.rules.RuleDefinition.Aggregate;
import io.vigie.monitoring.rules.RuleDefinition.Expr;
import io.vigie.monitoring.rules.RuleDefinition.Function;
import io.vigie.monitoring.rules.RuleDefinition.Kind;
import io.vigie.monitoring.rules.RuleDefinition.Matcher;
import io.vigie.monitoring.rules.RuleDefinition.Selector;
import io.vigie.monitoring.rules.RuleDefinition.Severity;
import java.util.List;
import java.util.Map;

/**
 * The rules a hoster's supervision promise lists, on node_exporter's metric names (and the usual
 * exporters' for processes, SMART and replication): installed at startup when missing, then changed
 * or disabled through the API like any rule. The filesystem, replication and host-down rules name
 * their runbooks as knowledge base articles by slug ({@code kb:filesystem-full}, {@code
 * kb:replication-lag}, {@code kb:host-down}), the ones the demo data writes.
 */
public final class DefaultRulePack {

  private static final List<Matcher> REAL_FILESYSTEMS =
      List.of(new Matcher("fstype", "!~", "tmpfs|devtmpfs|overlay|squashfs|ramfs|nsfs|fuse.*"));

  private DefaultRulePack() {}

  public static List<RuleDefinition> rules() {
    return List.of(
        runbook(
            ratio(
                "filesystem-space-low",
                "node_filesystem_avail_bytes",
                "node_filesystem_size_bytes",
                REAL_FILESYSTEMS,
                Comparison.LT,
                0.10,
                "5m",
                Severity.critical,
                "Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} has {{ $value }} of its space free"),
            "kb:filesystem-full"),
        runbook(
            ratio(
                "filesystem-inodes-low",
                "node_filesystem_files_free",
                "node_filesystem_files",
                REAL_FILESYSTEMS,
                Comparison.LT,
                0.10,
                "5m",
                Severity.critical,
                "Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} has {{ $value }} of its inodes free"),
            "kb:filesystem-full"),
        runbook(
            metric(
                "filesystem-full-soon",
                new Expr(
                    new Selector(
                        "node_filesystem_avail_bytes",
                        REAL_FILESYSTEMS,
                        Function.PREDICT,
                        null,
                        null,
                        "15m",
                        "4h"),
                    null),
                Comparison.LT,
                0.0,
                "15m",
                Severity.warning,
                "Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} fills up within 4 hours at its last 15 minutes' pace"),
            "kb:filesystem-full"),
        metric(
            "load-per-core-high",
            new Expr(
                selector("node_load5", List.of(), Function.VALUE, null),
                selector(
                    "node_cpu_seconds_total",
                    List.of(new Matcher("mode", "=", "idle")),
                    Function.VALUE,
                    Aggregate.COUNT)),
            Comparison.GT,
            2.0,
            "15m",
            Severity.warning,
            "Load per core on {{ $labels.instance }} is {{ $value }}"),
        metric(
            "cpu-saturated",
            new Expr(
                selector(
                    "node_cpu_seconds_total",
                    List.of(new Matcher("mode", "=", "idle")),
                    Function.RATE,
                    Aggregate.AVG),
                null),
            Comparison.LT,
            0.05,
            "15m",
            Severity.warning,
            "CPU on {{ $labels.instance }} is {{ $value }} idle"),
        ratio(
            "memory-low",
            "node_memory_MemAvailable_bytes",
            "node_memory_MemTotal_bytes",
            List.of(),
            Comparison.LT,
            0.10,
            "5m",
            Severity.critical,
            "Memory available on {{ $labels.instance }} is {{ $value }} of the total"),
        ratio(
            "swap-used-high",
            "node_memory_SwapFree_bytes",
            "node_memory_SwapTotal_bytes",
            List.of(),
            Comparison.LT,
            0.50,
            "15m",
            Severity.warning,
            "Swap free on {{ $labels.instance }} is {{ $value }} of the total"),
        metric(
            "clock-drift",
            new Expr(selector("node_timex_offset_seconds", List.of(), Function.ABS, null), null),
            Comparison.GT,
            0.05,
            "10m",
            Severity.warning,
            "Clock on {{ $labels.instance }} is {{ $value }} s off"),
        metric(
            "host-rebooted",
            new Expr(selector("node_boot_time_seconds", List.of(), Function.AGE, null), null),
            Comparison.LT,
            600.0,
            null,
            Severity.warning,
            "{{ $labels.instance }} rebooted {{ $value }} s ago"),
        metric(
            "systemd-unit-failed",
            new Expr(
                selector(
                    "node_systemd_unit_state",
                    List.of(new Matcher("state", "=", "failed")),
                    Function.VALUE,
                    null),
                null),
            Comparison.EQ,
            1.0,
            "1m",
            Severity.critical,
            "Unit {{ $labels.name }} failed on {{ $labels.instance }}"),
        metric(
            "process-down",
            new Expr(
                selector("namedprocess_namegroup_num_procs", List.of(), Function.VALUE, null),
                null),
            Comparison.EQ,
            0.0,
            "1m",
            Severity.critical,
            "No {{ $labels.groupname }} process on {{ $labels.instance }}"),
        metric(
            "disk-unhealthy",
            new Expr(
                selector("smartmon_device_smart_healthy", List.of(), Function.VALUE, null), null),
            Comparison.EQ,
            0.0,
            null,
            Severity.critical,
            "Disk {{ $labels.disk }} on {{ $labels.instance }} fails its SMART health check"),
        runbook(
            metric(
                "mysql-replication-lag",
                new Expr(
                    selector(
                        "mysql_slave_status_seconds_behind_master",
                        List.of(),
                        Function.VALUE,
                        null),
                    null),
                Comparison.GT,
                300.0,
                "5m",
                Severity.critical,
                "MySQL replica {{ $labels.instance }} is {{ $value }} s behind"),
            "kb:replication-lag"),
        runbook(
            metric(
                "mysql-replication-stopped",
                new Expr(
                    selector(
                        "mysql_slave_status_slave_sql_running", List.of(), Function.VALUE, null),
                    null),
                Comparison.EQ,
                0.0,
                "2m",
                Severity.critical,
                "MySQL replication SQL thread stopped on {{ $labels.instance }}"),
            "kb:replication-lag"),
        metric(
            "postgresql-replication-lag",
            new Expr(selector("pg_replication_lag", List.of(), Function.VALUE, null), null),
            Comparison.GT,
            300.0,
            "5m",
            Severity.critical,
            "PostgreSQL replica {{ $labels.instance }} is {{ $value }} s behind"),
        metric(
            "exporter-down",
            new Expr(selector("up", List.of(), Function.VALUE, null), null),
            Comparison.EQ,
            0.0,
            "2m",
            Severity.critical,
            "{{ $labels.job }} on {{ $labels.instance }} cannot be scraped"),
        // the host-alive check failing (availability's server check): the server itself is down
        new RuleDefinition(
            "host-down",
            Kind.CHECK,
            null,
            null,
            null,
            "host-alive",
            3,
            null,
            null,
            Severity.critical,
            true,
            true,
            Map.of(),
            Map.of(),
            "kb:host-down"));
  }

  /** The rule naming the runbook the demo data writes (a knowledge base article, by slug). */
  private static RuleDefinition runbook(RuleDefinition d, String runbook) {
    return new RuleDefinition(
        d.name(),
        d.kind(),
        d.expr(),
        d.comparison(),
        d.threshold(),
        d.check(),
        d.consecutiveFailures(),
        d.forDuration(),
        d.clearFor(),
        d.severity(),
        d.hostDown(),
        d.enabled(),
        d.labels(),
        d.annotations(),
        runbook);
  }

  private static Selector selector(
      String metric, List<Matcher> matchers, Function function, Aggregate aggregate) {
    return new Selector(metric, matchers, function, aggregate, null, null, null);
  }

  private static RuleDefinition ratio(
      String name,
      String numerator,
      String denominator,
      List<Matcher> matchers,
      Comparison comparison,
      double threshold,
      String forDuration,
      Severity severity,
      String summary) {
    return metric(
        name,
        new Expr(
            selector(numerator, matchers, Function.VALUE, null),
            selector(denominator, matchers, Function.VALUE, null)),
        comparison,
        threshold,
        forDuration,
        severity,
        summary);
  }

  private static RuleDefinition metric(
      String name,
      Expr expr,
      Comparison comparison,
      double threshold,
      String forDuration,
      Severity severity,
      String summary) {
    return new RuleDefinition(
        name,
        Kind.METRIC,
        expr,
        comparison,
        threshold,
        null,
        null,
        forDuration,
        "2m",
        severity,
        false,
        true,
        Map.of(),
        Map.of("summary", summary));
  }
}
