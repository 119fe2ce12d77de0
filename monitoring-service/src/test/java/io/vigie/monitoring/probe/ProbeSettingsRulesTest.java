package io.vigie.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.kit.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeSettingsRulesTest {

  private static final String SITE = "http://a.example.net/";

  static ProbeSettings http(String url) {
    return Settings.of("url", url);
  }

  static ProbeSettings tcp(String host, Integer port) {
    return Settings.of("host", host, "port", port);
  }

  static ProbeSettings dns(String name, List<String> expected, String resolver) {
    return Settings.of("name", name, "expectedAddresses", expected, "resolver", resolver);
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
    refused(CheckKind.HTTP, Settings.of("url", SITE, "port", 443), "settings.port");
    refused(
        CheckKind.HTTP,
        Settings.of("url", SITE, "expectedStatus", List.of(200, 99)),
        "settings.expectedStatus[1]");
    refused(
        CheckKind.HTTP, Settings.of("url", SITE, "bodyMatches", "([a-z"), "settings.bodyMatches");
    refused(
        CheckKind.HTTP,
        Settings.of("url", SITE, "bodyContains", "Welcome", "bodyMatches", "Wel+come"),
        "settings.bodyMatches");
    refused(
        CheckKind.HTTP,
        Settings.of("url", SITE, "method", "HEAD", "bodyContains", "Welcome"),
        "settings.bodyContains");
    refused(
        CheckKind.HTTP,
        Settings.of("url", SITE, "certificateMinDays", 30),
        "settings.certificateMinDays");
    refused(
        CheckKind.HTTP,
        Settings.of("url", SITE, "maxLatencyMillis", 0),
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
        Settings.of("url", "http://x.example.net/", "host", "x.example.net", "port", 80),
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
            Settings.of(
                "name",
                "web.example.test",
                "recordType",
                "AAAA",
                "expectedAddresses",
                List.of("2001:DB8:0:0::10"),
                "resolver",
                "[::1]:53"));
    assertThat(v6.expectedAddresses()).containsExactly("2001:db8::10");
  }

  @Test
  void missingSettingsAreNamed() {
    refused(CheckKind.DNS, null, "settings");
  }
}
