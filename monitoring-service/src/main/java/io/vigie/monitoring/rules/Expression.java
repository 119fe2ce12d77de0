package io.vigie.monitoring.rules;

import io.vigie.monitoring.consumption.LinearTrend;
import io.vigie.monitoring.metrics.Sample;
import io.vigie.monitoring.metrics.Series;
import io.vigie.monitoring.rules.RuleDefinition.Aggregate;
import io.vigie.monitoring.rules.RuleDefinition.Expr;
import io.vigie.monitoring.rules.RuleDefinition.Function;
import io.vigie.monitoring.rules.RuleDefinition.Matcher;
import io.vigie.monitoring.rules.RuleDefinition.Selector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A rule's expression compiled for evaluation: the PromQL subset alerting on node_exporter needs —
 * a selector with label matchers, one function (latest value, rate, abs, age, a linear prediction
 * as {@code predict_linear}), an optional aggregation, and an optional ratio of two such vectors
 * matched on their labels. Plain Java.
 */
public final class Expression {

  /** Labels that identify a target; aggregations keep them so an alert still names its host. */
  static final List<String> TARGET_LABELS = List.of("instance", "server_id", "hostname", "kind");

  /** A series whose latest sample is older than this is no longer current (as in Prometheus). */
  static final Duration LOOKBACK = Duration.ofMinutes(5);

  private static final Duration DEFAULT_RATE_WINDOW = Duration.ofMinutes(5);

  /** PREDICT fits its line to the longest window the head keeps. */
  private static final Duration DEFAULT_PREDICT_WINDOW = Duration.ofMinutes(15);

  private static final Duration MAX_HORIZON = Duration.ofDays(365);

  private final Part selector;
  private final Part divideBy;

  private Expression(Part selector, Part divideBy) {
    this.selector = selector;
    this.divideBy = divideBy;
  }

  /** Compiles; {@link IllegalArgumentException} naming the field for an invalid one. */
  public static Expression compile(Expr expr) {
    return new Expression(
        Part.compile(expr.selector(), "expr.selector"),
        expr.divideBy() == null ? null : Part.compile(expr.divideBy(), "expr.divideBy"));
  }

  /** The expression's value per label set (without {@code __name__}) at {@code nowMillis}. */
  public Map<Map<String, String>, Double> evaluate(SeriesLookup lookup, long nowMillis) {
    Map<Map<String, String>, Double> numerator = selector.evaluate(lookup, nowMillis);
    if (divideBy == null) {
      return numerator;
    }
    Map<Map<String, String>, Double> denominator = divideBy.evaluate(lookup, nowMillis);
    List<String> on =
        divideBy.aggregate != null
            ? divideBy.groupLabels
            : selector.aggregate != null ? selector.groupLabels : null;
    Map<Map<String, String>, Double> byKey = new HashMap<>();
    Set<Map<String, String>> ambiguous = new HashSet<>();
    denominator.forEach(
        (labels, value) -> {
          Map<String, String> key = on == null ? labels : project(labels, on);
          if (byKey.put(key, value) != null) {
            ambiguous.add(key); // several denominators for one numerator: no answer, as PromQL
          }
        });
    Map<Map<String, String>, Double> ratio = new LinkedHashMap<>();
    numerator.forEach(
        (labels, value) -> {
          Map<String, String> key = on == null ? labels : project(labels, on);
          Double den = byKey.get(key);
          if (den != null && !ambiguous.contains(key) && den != 0 && !den.isNaN()) {
            ratio.put(labels, value / den);
          }
        });
    return ratio;
  }

  private static Map<String, String> project(Map<String, String> labels, List<String> names) {
    Map<String, String> key = new TreeMap<>();
    for (String name : names) {
      String value = labels.get(name);
      if (value != null && !value.isEmpty()) {
        key.put(name, value);
      }
    }
    return key;
  }

  private record CompiledMatcher(String label, String op, String value, Pattern pattern) {
    boolean matches(Map<String, String> labels) {
      String actual = labels.getOrDefault(label, "");
      return switch (op) {
        case "=" -> actual.equals(value);
        case "!=" -> !actual.equals(value);
        case "=~" -> pattern.matcher(actual).matches();
        default -> !pattern.matcher(actual).matches();
      };
    }
  }

  private static final class Part {
    final String metric;
    final List<CompiledMatcher> matchers;
    final Function function;
    final Aggregate aggregate;
    final List<String> groupLabels;
    final Duration window;
    final Duration horizon;

    private Part(
        String metric,
        List<CompiledMatcher> matchers,
        Function function,
        Aggregate aggregate,
        List<String> groupLabels,
        Duration window,
        Duration horizon) {
      this.metric = metric;
      this.matchers = matchers;
      this.function = function;
      this.aggregate = aggregate;
      this.groupLabels = groupLabels;
      this.window = window;
      this.horizon = horizon;
    }

    static Part compile(Selector s, String field) {
      List<CompiledMatcher> matchers = new ArrayList<>();
      List<Matcher> given = s.matchers() == null ? List.of() : s.matchers();
      for (int i = 0; i < given.size(); i++) {
        Matcher m = given.get(i);
        Pattern pattern = null;
        if (m.op().startsWith("=~") || m.op().startsWith("!~")) {
          try {
            pattern = Pattern.compile("(?:" + m.value() + ")");
          } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException(
                field + ".matchers[" + i + "].value: not a valid regular expression");
          }
        }
        matchers.add(new CompiledMatcher(m.label(), m.op(), m.value(), pattern));
      }
      Duration window;
      try {
        window = PromDuration.parse(s.window());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(field + ".window: " + e.getMessage());
      }
      if (window != null && window.compareTo(Duration.ofMinutes(15)) > 0) {
        throw new IllegalArgumentException(field + ".window: at most 15m of samples are kept");
      }
      Function function = s.function() == null ? Function.VALUE : s.function();
      Duration horizon;
      try {
        horizon = PromDuration.parse(s.horizon());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(field + ".horizon: " + e.getMessage());
      }
      if (function == Function.PREDICT) {
        if (horizon == null || horizon.isZero()) {
          throw new IllegalArgumentException(
              field + ".horizon: required for PREDICT (how far ahead, e.g. 4h)");
        }
        if (horizon.compareTo(MAX_HORIZON) > 0) {
          throw new IllegalArgumentException(field + ".horizon: at most 365d");
        }
      } else if (horizon != null) {
        throw new IllegalArgumentException(field + ".horizon: only PREDICT reads ahead");
      }
      List<String> group = new ArrayList<>(TARGET_LABELS);
      if (s.by() != null) {
        s.by().stream().filter(l -> !group.contains(l)).forEach(group::add);
      }
      return new Part(
          s.metric(),
          List.copyOf(matchers),
          function,
          s.aggregate(),
          List.copyOf(group),
          window != null
              ? window
              : function == Function.PREDICT ? DEFAULT_PREDICT_WINDOW : DEFAULT_RATE_WINDOW,
          horizon);
    }

    Map<Map<String, String>, Double> evaluate(SeriesLookup lookup, long now) {
      Map<Map<String, String>, Double> values = new LinkedHashMap<>();
      for (Series series : lookup.select(metric)) {
        Map<String, String> labels = series.labels();
        if (!matchers.stream().allMatch(m -> m.matches(labels))) {
          continue;
        }
        Double value = apply(series, now);
        if (value != null && !value.isNaN()) {
          Map<String, String> withoutName = new TreeMap<>(labels);
          withoutName.remove("__name__");
          values.put(withoutName, value);
        }
      }
      return aggregate == null ? values : aggregate(values);
    }

    private Double apply(Series series, long now) {
      if (function == Function.RATE) {
        return rate(series.samplesSince(now - window.toMillis()));
      }
      if (function == Function.PREDICT) {
        List<Sample> samples =
            series.samplesSince(now - window.toMillis()).stream()
                .filter(p -> p.timestampMillis() <= now)
                .toList();
        LinearTrend trend = LinearTrend.fit(samples, Instant.ofEpochMilli(now));
        return trend == null ? null : trend.predict(horizon);
      }
      Sample latest = series.latest();
      if (latest == null || latest.timestampMillis() < now - LOOKBACK.toMillis()) {
        return null;
      }
      return switch (function) {
        case ABS -> Math.abs(latest.value());
        case AGE -> now / 1000.0 - latest.value();
        default -> latest.value();
      };
    }

    /** Per-second increase of a counter; a drop is a reset (the process restarted). */
    static Double rate(List<Sample> points) {
      if (points.size() < 2) {
        return null;
      }
      double increase = 0;
      for (int i = 1; i < points.size(); i++) {
        double previous = points.get(i - 1).value();
        double current = points.get(i).value();
        increase += current >= previous ? current - previous : current;
      }
      long span = points.get(points.size() - 1).timestampMillis() - points.get(0).timestampMillis();
      return span <= 0 ? null : increase / (span / 1000.0);
    }

    private Map<Map<String, String>, Double> aggregate(Map<Map<String, String>, Double> values) {
      Map<Map<String, String>, double[]> groups = new LinkedHashMap<>(); // sum, count, min, max
      values.forEach(
          (labels, value) -> {
            double[] g =
                groups.computeIfAbsent(
                    project(labels, groupLabels),
                    k -> new double[] {0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
            g[0] += value;
            g[1]++;
            g[2] = Math.min(g[2], value);
            g[3] = Math.max(g[3], value);
          });
      Map<Map<String, String>, Double> out = new LinkedHashMap<>();
      groups.forEach(
          (labels, g) ->
              out.put(
                  labels,
                  switch (aggregate) {
                    case SUM -> g[0];
                    case AVG -> g[0] / g[1];
                    case MIN -> g[2];
                    case MAX -> g[3];
                    case COUNT -> g[1];
                  }));
      return out;
    }
  }
}
