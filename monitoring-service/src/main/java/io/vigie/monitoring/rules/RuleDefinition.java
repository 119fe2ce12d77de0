package io.vigie.monitoring.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * An alert rule as the API takes it and the database keeps it. A METRIC rule compares an expression
 * over ingested samples with a threshold; a CHECK rule sets how many consecutive failures of the
 * checks it matches raise an alert.
 *
 * @param expr METRIC: what to compute per series
 * @param check CHECK: check name, {@code *} matching any characters (e.g. {@code check_mysql*})
 * @param forDuration how long the condition must hold before firing, e.g. {@code 5m}
 * @param clearFor how long it must stay clear before resolving (flap damping), e.g. {@code 2m}
 * @param hostDown an alert of this rule means the host is unreachable: the server's other alerts
 *     are grouped under it
 * @param runbook what the on-call engineer follows when it fires, carried on {@code AlertFired}: an
 *     absolute {@code https://} or {@code http://} URL, or {@code kb:<slug or id>} naming an
 *     article of ticket-service's knowledge base (see {@link Runbook})
 */
public record RuleDefinition(
    @NotBlank
        @Size(max = 100)
        @Pattern(
            regexp = "[a-z0-9][a-z0-9._-]*",
            message = "lower-case letters, digits, '.', '_' or '-'")
        String name,
    @NotNull Kind kind,
    @Valid Expr expr,
    Comparison comparison,
    Double threshold,
    @Size(max = 200) String check,
    @Min(1) @Max(100) Integer consecutiveFailures,
    @JsonProperty("for") @Size(max = 20) String forDuration,
    @Size(max = 20) String clearFor,
    @NotNull Severity severity,
    boolean hostDown,
    Boolean enabled,
    @Size(max = 20) Map<@Size(max = 100) String, @Size(max = 500) String> labels,
    @Size(max = 20) Map<@Size(max = 100) String, @Size(max = 2000) String> annotations,
    @Size(max = Runbook.MAX_LENGTH) String runbook) {

  /** A rule that names no runbook (the shape before {@code runbook}). */
  public RuleDefinition(
      String name,
      Kind kind,
      Expr expr,
      Comparison comparison,
      Double threshold,
      String check,
      Integer consecutiveFailures,
      String forDuration,
      String clearFor,
      Severity severity,
      boolean hostDown,
      Boolean enabled,
      Map<String, String> labels,
      Map<String, String> annotations) {
    this(
        name,
        kind,
        expr,
        comparison,
        threshold,
        check,
        consecutiveFailures,
        forDuration,
        clearFor,
        severity,
        hostDown,
        enabled,
        labels,
        annotations,
        null);
  }

  public enum Kind {
    METRIC,
    CHECK
  }

  public enum Severity {
    critical,
    warning,
    info
  }

  /**
   * @param selector the series and what to read from each
   * @param divideBy optional: a ratio {@code selector / divideBy}, e.g. available / size
   */
  public record Expr(@NotNull @Valid Selector selector, @Valid Selector divideBy) {}

  /**
   * Series by metric name and label matchers, a function of each one's samples, and optionally an
   * aggregation across series.
   *
   * @param function VALUE (latest sample), RATE (per second over {@code window}, counter resets
   *     handled), ABS, AGE (now minus the value, for timestamps such as boot time)
   * @param aggregate across series, grouped by {@code by} (the target's identifying labels are
   *     always kept)
   * @param window RATE's window, e.g. {@code 5m}; PREDICT's (the samples the line is fitted to,
   *     default 15m)
   * @param horizon PREDICT only: how far ahead the least-squares line of the window's samples is
   *     read, as Prometheus' {@code predict_linear} (e.g. {@code 4h}: the value expected in 4
   *     hours)
   */
  public record Selector(
      @NotBlank
          @Size(max = 200)
          @Pattern(regexp = "[a-zA-Z_:][a-zA-Z0-9_:]*", message = "not a Prometheus metric name")
          String metric,
      @Size(max = 20) List<@NotNull @Valid Matcher> matchers,
      Function function,
      Aggregate aggregate,
      @Size(max = 20) List<@NotBlank @Size(max = 100) String> by,
      @Size(max = 20) String window,
      @Size(max = 20) String horizon) {}

  /** A label matcher as in PromQL: {@code =}, {@code !=}, {@code =~}, {@code !~} (anchored). */
  public record Matcher(
      @NotBlank @Size(max = 100) String label,
      @NotNull @Pattern(regexp = "=|!=|=~|!~", message = "one of =, !=, =~, !~") String op,
      @NotNull @Size(max = 500) String value) {}

  public enum Function {
    VALUE,
    RATE,
    ABS,
    AGE,
    PREDICT
  }

  public enum Aggregate {
    SUM,
    AVG,
    MIN,
    MAX,
    COUNT
  }

  public boolean enabledOrDefault() {
    return enabled == null || enabled;
  }
}
