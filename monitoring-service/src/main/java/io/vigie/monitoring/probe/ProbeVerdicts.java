package io.vigie.monitoring.probe;

import io.vigie.monitoring.checks.CheckStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns what a probe observed into a Monitoring-Plugins result, worded like {@code check_http},
 * {@code check_tcp} and {@code check_dns}. Plain Java: the network code only observes.
 */
public final class ProbeVerdicts {

  private ProbeVerdicts() {}

  /**
   * What an HTTP run saw.
   *
   * @param version {@code HTTP/1.1}
   * @param body the body as text, possibly cut (only searched when the check asks)
   * @param certificateNotAfter the server certificate's end of validity, null over plain http
   * @param certificateSubject its subject, for the output
   */
  public record HttpObservation(
      String version,
      int status,
      String reason,
      long bytes,
      long elapsedNanos,
      String body,
      Instant certificateNotAfter,
      String certificateSubject) {}

  /** The verdict of an HTTP run against the check's settings, at {@code now}. */
  public static ProbeResult http(ProbeSettings s, HttpObservation o, Instant now) {
    CheckStatus status = CheckStatus.OK;
    List<String> problems = new ArrayList<>();
    if (!s.statusExpected(o.status())) {
      status = CheckStatus.CRITICAL;
      problems.add(
          "status "
              + o.status()
              + " is not "
              + (s.expectedStatus() == null ? "200-399" : join(s.expectedStatus())));
    }
    if (s.bodyContains() != null && (o.body() == null || !o.body().contains(s.bodyContains()))) {
      status = worst(status, CheckStatus.CRITICAL);
      problems.add("string '" + s.bodyContains() + "' not found on '" + s.url() + "'");
    }
    if (s.bodyMatches() != null
        && (o.body() == null || !Pattern.compile(s.bodyMatches()).matcher(o.body()).find())) {
      status = worst(status, CheckStatus.CRITICAL);
      problems.add("pattern '" + s.bodyMatches() + "' not found on '" + s.url() + "'");
    }
    long elapsedMillis = o.elapsedNanos() / 1_000_000;
    if (s.maxLatencyMillis() != null && elapsedMillis > s.maxLatencyMillis()) {
      status = worst(status, CheckStatus.WARNING);
      problems.add("response time over " + s.maxLatencyMillis() + " ms");
    }
    String certificatePerf = "";
    if (s.certificateMinDays() != null) {
      if (o.certificateNotAfter() == null) {
        status = worst(status, CheckStatus.UNKNOWN);
        problems.add("no server certificate seen");
      } else {
        long days = Duration.between(now, o.certificateNotAfter()).toDays();
        if (!now.isBefore(o.certificateNotAfter())) {
          status = worst(status, CheckStatus.CRITICAL);
          problems.add(
              "certificate '" + o.certificateSubject() + "' expired on " + o.certificateNotAfter());
          days = Math.min(days, 0) - 1;
        } else if (days < s.certificateMinDays()) {
          status = worst(status, CheckStatus.WARNING);
          problems.add(
              "certificate '"
                  + o.certificateSubject()
                  + "' expires in "
                  + days
                  + " day(s) ("
                  + o.certificateNotAfter()
                  + ")");
        }
        certificatePerf = " certificate_days=" + days + ";" + s.certificateMinDays() + ";0;;";
      }
    }
    String seconds = seconds(o.elapsedNanos());
    String output =
        "HTTP "
            + status
            + ": "
            + o.version()
            + " "
            + o.status()
            + (o.reason() == null || o.reason().isBlank() ? "" : " " + o.reason())
            + (problems.isEmpty() ? "" : " - " + String.join(" - ", problems))
            + " - "
            + o.bytes()
            + " bytes in "
            + seconds
            + " second response time";
    String warn = s.maxLatencyMillis() == null ? "" : seconds(s.maxLatencyMillis() * 1_000_000L);
    String perfdata =
        "time=" + seconds + "s;" + warn + ";;0 size=" + o.bytes() + "B;;;0" + certificatePerf;
    return new ProbeResult(status, output, perfdata);
  }

  /** An HTTP run that got no answer: refused, reset, TLS handshake failed, timed out. */
  public static ProbeResult httpFailure(ProbeSettings s, String reason) {
    return new ProbeResult(
        CheckStatus.CRITICAL, "HTTP CRITICAL - " + s.url() + ": " + oneLine(reason), "");
  }

  /** A TCP connection that opened. */
  public static ProbeResult tcp(ProbeSettings s, long elapsedNanos, int timeoutSeconds) {
    String seconds = seconds(elapsedNanos);
    return new ProbeResult(
        CheckStatus.OK,
        "TCP OK - " + seconds + " second response time on " + s.host() + " port " + s.port(),
        "time=" + seconds + "s;;;0;" + timeoutSeconds);
  }

  /** A TCP connection that did not open. */
  public static ProbeResult tcpFailure(ProbeSettings s, String reason) {
    return new ProbeResult(
        CheckStatus.CRITICAL,
        "TCP CRITICAL - connect to " + s.host() + " port " + s.port() + ": " + oneLine(reason),
        "");
  }

  /**
   * The verdict of a DNS answer: every expected address must be in it, and it must not be empty.
   */
  public static ProbeResult dns(
      ProbeSettings s, String resolver, List<String> answer, long elapsedNanos) {
    String seconds = seconds(elapsedNanos);
    String perfdata = "time=" + seconds + "s;;;0";
    List<String> got = answer.stream().map(Addresses::normalize).sorted().toList();
    if (got.isEmpty()) {
      return new ProbeResult(
          CheckStatus.CRITICAL,
          "DNS CRITICAL - '" + s.name() + "' has no " + s.recordType() + " record at " + resolver,
          perfdata);
    }
    if (s.expectedAddresses() != null && !got.containsAll(s.expectedAddresses())) {
      return new ProbeResult(
          CheckStatus.CRITICAL,
          "DNS CRITICAL - expected '"
              + String.join(",", s.expectedAddresses())
              + "' but got '"
              + String.join(",", got)
              + "' from "
              + resolver,
          perfdata);
    }
    return new ProbeResult(
        CheckStatus.OK,
        "DNS OK: "
            + seconds
            + " seconds response time. "
            + s.name()
            + " returns "
            + String.join(",", got),
        perfdata);
  }

  /** A DNS query that got no usable answer: NXDOMAIN, SERVFAIL, refused, timed out. */
  public static ProbeResult dnsFailure(ProbeSettings s, String resolver, String reason) {
    return new ProbeResult(
        CheckStatus.CRITICAL,
        "DNS CRITICAL - '" + s.name() + "' at " + resolver + ": " + oneLine(reason),
        "");
  }

  /** A run that did not finish within the check's timeout. */
  public static ProbeResult timedOut(CheckKind kind, int timeoutSeconds) {
    return new ProbeResult(
        CheckStatus.CRITICAL,
        kind + " CRITICAL - no answer within " + timeoutSeconds + " seconds (timeout)",
        "");
  }

  /** A run the service could not carry out itself (a bug or a broken stored setting). */
  public static ProbeResult unknown(CheckKind kind, String reason) {
    return new ProbeResult(CheckStatus.UNKNOWN, kind + " UNKNOWN - " + oneLine(reason), "");
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
  }

  private static CheckStatus worst(CheckStatus a, CheckStatus b) {
    // CRITICAL outranks UNKNOWN and WARNING: the order the Monitoring Plugins' checks report
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(CheckStatus s) {
    return switch (s) {
      case OK -> 0;
      case WARNING -> 1;
      case UNKNOWN -> 2;
      case CRITICAL -> 3;
    };
  }

  private static String join(List<Integer> codes) {
    return String.join(",", codes.stream().map(String::valueOf).toList());
  }

  private static String oneLine(String text) {
    String t = text == null ? "no detail" : text.replaceAll("[\\r\\n]+", " ").strip();
    return t.length() > 500 ? t.substring(0, 500) : t;
  }
}
