package io.vigie.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One read of a Prometheus text exposition (a service's /q/metrics, a peer's /metrics): every
 * series' value, by {@code name{labels}} as written.
 */
final class ScrapedMetrics {

  private final Map<String, Double> series;

  private ScrapedMetrics(Map<String, Double> series) {
    this.series = series;
  }

  static ScrapedMetrics scrape(HttpClient client, URI metrics)
      throws IOException, InterruptedException {
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(metrics + " answered " + answer.statusCode());
    }
    return parse(answer.body());
  }

  static ScrapedMetrics parse(String exposition) {
    Map<String, Double> series = new LinkedHashMap<>();
    for (String line : exposition.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int close = line.indexOf('{') < 0 ? -1 : line.lastIndexOf('}');
      int space = line.indexOf(' ', Math.max(close, 0));
      if (space < 0) {
        continue;
      }
      String value = line.substring(space + 1).trim().split(" ")[0];
      try {
        series.put(line.substring(0, space), Double.parseDouble(value));
      } catch (NumberFormatException notANumber) {
        // a value this reader does not need (e.g. a malformed line); skipped
      }
    }
    return new ScrapedMetrics(series);
  }

  /** The sum over the series of {@code name} whose labels contain every fragment; 0 if none. */
  double sum(String name, String... labelFragments) {
    double sum = 0;
    for (Map.Entry<String, Double> e : series.entrySet()) {
      if (matches(e.getKey(), name, labelFragments)) {
        sum += e.getValue();
      }
    }
    return sum;
  }

  /** Like {@link #sum}, but NaN when no series matches. */
  double value(String name, String... labelFragments) {
    boolean found = series.keySet().stream().anyMatch(key -> matches(key, name, labelFragments));
    return found ? sum(name, labelFragments) : Double.NaN;
  }

  /** A Micrometer timer published with percentiles 0.5 and 0.99, e.g. {@code vigie_x_seconds}. */
  Timer timer(String name) {
    return new Timer(
        (long) sum(name + "_count"),
        sum(name + "_sum"),
        value(name, "quantile=\"0.5\"") * 1000,
        value(name, "quantile=\"0.99\"") * 1000,
        value(name + "_max") * 1000);
  }

  /**
   * A timer as the service reports it: count and total since start; p50, p99 and max in
   * milliseconds over Micrometer's decaying window (about the last 2 minutes).
   */
  record Timer(long count, double totalSeconds, double p50Ms, double p99Ms, double maxMs) {

    double meanMs() {
      return count == 0 ? Double.NaN : totalSeconds * 1000 / count;
    }

    /** e.g. {@code "12 runs, p50 3.1 ms, p99 9.8 ms, max 10.2 ms, mean 3.5 ms"}. */
    String describe(String unit) {
      return String.format(
          Locale.ROOT,
          "%d %s, p50 %s, p99 %s, max %s, mean %s",
          count,
          unit,
          ms(p50Ms),
          ms(p99Ms),
          ms(maxMs),
          ms(meanMs()));
    }

    private static String ms(double value) {
      return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", value);
    }
  }

  private static boolean matches(String key, String name, String... labelFragments) {
    if (!key.equals(name) && !key.startsWith(name + "{")) {
      return false;
    }
    for (String fragment : labelFragments) {
      if (!key.contains(fragment)) {
        return false;
      }
    }
    return true;
  }
}
