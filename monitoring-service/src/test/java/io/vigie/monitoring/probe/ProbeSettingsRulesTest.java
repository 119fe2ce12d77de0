package io.vigie.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.kit.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeSettingsRulesTest {

  static ProbeSettings http(String url) {
    return new ProbeSettings(
        url, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  static ProbeSettings tcp(String host, Integer port) {
    return new ProbeSettings(
        null, null, null, null, null, null, null, host, port, null, null, null, null);
  }

  static ProbeSettings dns(String name, List<String> expected, String resolver) {
    return new ProbeSettings(
        null, null, null, null, null, null, null, null, null, name, null, expected, resolver);
  }

  private static void refused(CheckKind kind, ProbeSettings s, String field) {
    assertThatThrownBy(() -> ProbeSettingsRules.validate(kind, s))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400))
        .hasMessageStartingWith(field + ":");
  }

  @Test
  void httpDefaultsToGetAndKeepsItsFieldsOnly() {
    ProbeSettings s = ProbeSettingsRules.validate(CheckKind.HTTP, http("https://www.example.net/"));
    assertThat(s.method()).isEqualTo(ProbeSettings.HttpMethod.GET);
    assertThat(s.statusExpected(200)).isTrue();
    assertThat(s.statusExpected(302)).isTrue();
    assertThat(s.statusExpected(404)).isFalse();
  }

  @Test
  void httpRefusesWhatIsWrongNamingTheField() {
    refused(CheckKind.HTTP, http(null), "settings.url");
    refused(CheckKind.HTTP, http("ftp://files.example.net/"), "settings.url");
    refused(CheckKind.HTTP, http("http://exa mple.net/"), "settings.url");
    refused(
        CheckKind.HTTP,
        new ProbeSettings(
            "http://a.example.net/",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            443,
            null,
            null,
            null,
            null),
        "settings.port");
    refused(
        CheckKind.HTTP,
        new ProbeSettings(
            "http://a.example.net/",
            null,
            List.of(200, 99),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null),
        "settings.expectedStatus[1]");
    refused(
        CheckKind.HTTP,
        new ProbeSettings(
            "http://a.example.net/",
            null,
            null,
            null,
            null,
            "([a-z",
            null,
            null,
            null,
            null,
            null,
            null,
            null),
        "settings.bodyMatches");
    refused(
        CheckKind.HTTP,
        new ProbeSettings(
            "http://a.example.net/",
            null,
            null,
            null,
            "Welcome",
            "Wel+come",
            null,
            null,
            null,
            null,
            null,
            null,
            null),
        "settings.bodyMatches");
    refused(
        CheckKind.HTTP,
        new ProbeSettings(
            "http://a.example.net/",
            ProbeSettings.HttpMethod.HEAD,
            null,
            null,
            "Welcome",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null),
        "settings.bodyContains");
    refused(
        CheckKind.HTTP,
        new ProbeSettings(
            "http://a.example.net/",
            null,
            null,
            null,
            null,
            null,
            30,
            null,
            null,
            null,
            null,
            null,
            null),
        "settings.certificateMinDays");
    refused(
        CheckKind.HTTP,
        new ProbeSettings(
            "http://a.example.net/",
            null,
            null,
            0,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null),
        "settings.maxLatencyMillis");
  }

  @Test
  void tcpNeedsAHostAndAPort() {
    assertThat(ProbeSettingsRules.validate(CheckKind.TCP, tcp("db1.example.net", 5432)).port())
        .isEqualTo(5432);
    refused(CheckKind.TCP, tcp("db1.example.net", null), "settings.port");
    refused(CheckKind.TCP, tcp(null, 5432), "settings.host");
    refused(CheckKind.TCP, tcp("db1.example.net", 70000), "settings.port");
    refused(CheckKind.TCP, tcp("not a host", 22), "settings.host");
    refused(
        CheckKind.TCP,
        new ProbeSettings(
            "http://x.example.net/",
            null,
            null,
            null,
            null,
            null,
            null,
            "x.example.net",
            80,
            null,
            null,
            null,
            null),
        "settings.url");
  }

  @Test
  void dnsDefaultsToAAndChecksAddressesAndResolver() {
    ProbeSettings s =
        ProbeSettingsRules.validate(
            CheckKind.DNS, dns("web.example.test", List.of("192.0.2.10"), "127.0.0.1:5353"));
    assertThat(s.recordType()).isEqualTo(ProbeSettings.RecordType.A);
    assertThat(s.expectedAddresses()).containsExactly("192.0.2.10");
    refused(CheckKind.DNS, dns(null, null, null), "settings.name");
    refused(
        CheckKind.DNS,
        dns("web.example.test", List.of("2001:db8::1"), null),
        "settings.expectedAddresses[0]");
    refused(
        CheckKind.DNS, dns("web.example.test", null, "ns1.example.net:53"), "settings.resolver");
    refused(CheckKind.DNS, dns("web.example.test", null, "127.0.0.1:99999"), "settings.resolver");
    refused(CheckKind.DNS, tcp("a.example.net", 53), "settings.host");
    ProbeSettings v6 =
        ProbeSettingsRules.validate(
            CheckKind.DNS,
            new ProbeSettings(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "web.example.test",
                ProbeSettings.RecordType.AAAA,
                List.of("2001:DB8:0:0::10"),
                "[::1]:53"));
    assertThat(v6.expectedAddresses()).containsExactly("2001:db8::10");
  }

  @Test
  void missingSettingsAreNamed() {
    refused(CheckKind.DNS, null, "settings");
  }
}
