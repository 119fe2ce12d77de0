package io.vigie.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.monitoring.checks.CheckStatus;
import io.vigie.monitoring.checks.PerfData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeVerdictsTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private static ProbeSettings http(
      List<Integer> expected, Integer maxLatency, String contains, String matches, Integer days) {
    return Settings.of(
        "url",
        "https://www.example.net/",
        "method",
        "GET",
        "expectedStatus",
        expected,
        "maxLatencyMillis",
        maxLatency,
        "bodyContains",
        contains,
        "bodyMatches",
        matches,
        "certificateMinDays",
        days);
  }

  private static ProbeVerdicts.HttpObservation seen(
      int status, String reason, long nanos, String body) {
    return new ProbeVerdicts.HttpObservation(
        "HTTP/1.1", status, reason, body.length(), nanos, body, null, null);
  }

  /** A 200 answer of 2 bytes in {@code nanos}, over TLS with that certificate. */
  private static ProbeVerdicts.HttpObservation certified(
      long nanos, Instant notAfter, String subject) {
    return new ProbeVerdicts.HttpObservation(
        "HTTP/1.1", 200, "OK", 2, nanos, "ok", notAfter, subject);
  }

  @Test
  void anExpectedAnswerIsOkWorthedLikeCheckHttp() {
    ProbeResult r =
        ProbeVerdicts.http(
            http(null, null, null, null, null), seen(200, "OK", 12_000_000, "x".repeat(512)), NOW);
    assertThat(r.status()).isEqualTo(CheckStatus.OK);
    assertThat(r.output())
        .isEqualTo("HTTP OK: HTTP/1.1 200 OK - 512 bytes in 0.012 second response time");
    assertThat(r.perfdata()).isEqualTo("time=0.012s;;;0 size=512B;;;0");
    assertThat(PerfData.parseAll(r.perfdata())).hasSize(2);
  }

  @Test
  void anUnexpectedStatusIsCritical() {
    ProbeResult r =
        ProbeVerdicts.http(
            http(null, null, null, null, null),
            seen(500, "Internal Server Error", 4_000_000, "oops"),
            NOW);
    assertThat(r.status()).isEqualTo(CheckStatus.CRITICAL);
    assertThat(r.output())
        .startsWith(
            "HTTP CRITICAL: HTTP/1.1 500 Internal Server Error - status 500 is not 200-399");
    ProbeResult listed =
        ProbeVerdicts.http(
            http(List.of(401), null, null, null, null), seen(401, "Unauthorized", 1, ""), NOW);
    assertThat(listed.status()).isEqualTo(CheckStatus.OK);
  }

  @Test
  void slowIsAWarningAndAMissingStringIsCritical() {
    ProbeResult slow =
        ProbeVerdicts.http(
            http(null, 100, null, null, null), seen(200, "OK", 250_000_000, "hi"), NOW);
    assertThat(slow.status()).isEqualTo(CheckStatus.WARNING);
    assertThat(slow.output()).contains("response time over 100 ms");
    assertThat(slow.perfdata()).startsWith("time=0.250s;0.100;;0");
    assertThat(PerfData.parseAll(slow.perfdata()).get(0).warn()).isEqualTo("0.100");

    ProbeResult missing =
        ProbeVerdicts.http(
            http(null, 100, "Welcome", null, null),
            seen(200, "OK", 250_000_000, "Maintenance"),
            NOW);
    assertThat(missing.status()).isEqualTo(CheckStatus.CRITICAL);
    assertThat(missing.output())
        .contains("string 'Welcome' not found on 'https://www.example.net/'");

    ProbeResult matches =
        ProbeVerdicts.http(
            http(null, null, null, "Wel+come", null), seen(200, "OK", 1, "<h1>Wellcome</h1>"), NOW);
    assertThat(matches.status()).isEqualTo(CheckStatus.OK);
  }

  @Test
  void certificateDaysLeftWarnAndExpiredIsCritical() {
    ProbeVerdicts.HttpObservation soon =
        certified(1_000_000, NOW.plus(Duration.ofDays(5)).plusSeconds(60), "CN=www.example.net");
    ProbeResult warning = ProbeVerdicts.http(http(null, null, null, null, 30), soon, NOW);
    assertThat(warning.status()).isEqualTo(CheckStatus.WARNING);
    assertThat(warning.output()).contains("certificate 'CN=www.example.net' expires in 5 day(s)");
    assertThat(warning.perfdata()).endsWith("certificate_days=5;30;0;;");
    assertThat(PerfData.parseAll(warning.perfdata())).hasSize(3);

    ProbeVerdicts.HttpObservation expired =
        certified(1_000_000, NOW.minus(Duration.ofDays(3)), "CN=www.example.net");
    ProbeResult critical = ProbeVerdicts.http(http(null, null, null, null, 30), expired, NOW);
    assertThat(critical.status()).isEqualTo(CheckStatus.CRITICAL);
    assertThat(critical.output()).contains("expired on 2026-11-19");

    ProbeResult fine =
        ProbeVerdicts.http(
            http(null, null, null, null, 3),
            certified(1, NOW.plus(Duration.ofDays(90)), "CN=x"),
            NOW);
    assertThat(fine.status()).isEqualTo(CheckStatus.OK);
  }

  @Test
  void tcpAndDnsVerdicts() {
    ProbeSettings tcp = Settings.of("host", "127.0.0.1", "port", 22);
    assertThat(ProbeVerdicts.tcp(tcp, 580_000, 10).output())
        .isEqualTo("TCP OK - 0.001 second response time on 127.0.0.1 port 22");
    assertThat(PerfData.parseAll(ProbeVerdicts.tcp(tcp, 580_000, 10).perfdata())).hasSize(1);
    assertThat(ProbeVerdicts.tcpFailure(tcp, "Connection refused").status())
        .isEqualTo(CheckStatus.CRITICAL);

    ProbeSettings dns =
        Settings.of(
            "name",
            "web.example.test",
            "recordType",
            "A",
            "expectedAddresses",
            List.of("192.0.2.10"));
    assertThat(
            ProbeVerdicts.dns(dns, "127.0.0.1:53", List.of("192.0.2.10", "192.0.2.11"), 4_000_000)
                .status())
        .isEqualTo(CheckStatus.OK);
    ProbeResult wrong = ProbeVerdicts.dns(dns, "127.0.0.1:53", List.of("192.0.2.99"), 4_000_000);
    assertThat(wrong.status()).isEqualTo(CheckStatus.CRITICAL);
    assertThat(wrong.output()).contains("expected '192.0.2.10' but got '192.0.2.99'");
    assertThat(ProbeVerdicts.dns(dns, "127.0.0.1:53", List.of(), 1).status())
        .isEqualTo(CheckStatus.CRITICAL);
  }
}
