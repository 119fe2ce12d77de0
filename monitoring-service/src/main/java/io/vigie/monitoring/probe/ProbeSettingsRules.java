package io.vigie.monitoring.probe;

import io.netty.util.NetUtil;
import io.vigie.kit.problem.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validates the settings of an active check for its kind: a required field missing, or a field of
 * another kind, answers 400 naming it ({@code settings.port}). Plain Java.
 */
public final class ProbeSettingsRules {

  /** Field names as the API shows them, under {@code settings}. */
  static final String PREFIX = "settings.";

  private static final Pattern HOST_NAME =
      Pattern.compile(
          "(?i)^(?=.{1,253}\\.?$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)*\\.?$");

  private ProbeSettingsRules() {}

  /** The settings with their defaults filled in, or a 400 naming the first field in error. */
  public static ProbeSettings validate(CheckKind kind, ProbeSettings s) {
    if (s == null) {
      throw ProblemException.invalidField("settings", "give the " + kind + " check's settings");
    }
    refuseForeign(kind, s);
    return switch (kind) {
      case HTTP -> http(s);
      case TCP -> tcp(s);
      case DNS -> dns(s);
    };
  }

  private static void refuseForeign(CheckKind kind, ProbeSettings s) {
    Map<String, Object> http = new LinkedHashMap<>();
    http.put("url", s.url());
    http.put("method", s.method());
    http.put("expectedStatus", s.expectedStatus());
    http.put("maxLatencyMillis", s.maxLatencyMillis());
    http.put("bodyContains", s.bodyContains());
    http.put("bodyMatches", s.bodyMatches());
    http.put("certificateMinDays", s.certificateMinDays());
    Map<String, Object> tcp = new LinkedHashMap<>();
    tcp.put("host", s.host());
    tcp.put("port", s.port());
    Map<String, Object> dns = new LinkedHashMap<>();
    dns.put("name", s.name());
    dns.put("recordType", s.recordType());
    dns.put("expectedAddresses", s.expectedAddresses());
    dns.put("resolver", s.resolver());
    Map<CheckKind, Map<String, Object>> byKind =
        Map.of(CheckKind.HTTP, http, CheckKind.TCP, tcp, CheckKind.DNS, dns);
    for (CheckKind other : CheckKind.values()) {
      if (other == kind) {
        continue;
      }
      byKind
          .get(other)
          .forEach(
              (field, value) -> {
                if (value != null) {
                  throw ProblemException.invalidField(
                      PREFIX + field,
                      "belongs to " + other + " checks, not to " + kind + " checks");
                }
              });
    }
  }

  private static ProbeSettings http(ProbeSettings s) {
    String url = required("url", s.url());
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw ProblemException.invalidField(PREFIX + "url", "is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw ProblemException.invalidField(PREFIX + "url", "must be an http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw ProblemException.invalidField(PREFIX + "url", "names no host");
    }
    if (url.length() > 2000) {
      throw ProblemException.invalidField(PREFIX + "url", "is longer than 2000 characters");
    }
    ProbeSettings.HttpMethod method =
        s.method() == null ? ProbeSettings.HttpMethod.GET : s.method();
    List<Integer> expected = s.expectedStatus();
    if (expected != null) {
      if (expected.isEmpty() || expected.size() > 50) {
        throw ProblemException.invalidField(
            PREFIX + "expectedStatus", "give 1 to 50 status codes, or leave it out for 200-399");
      }
      for (int i = 0; i < expected.size(); i++) {
        Integer code = expected.get(i);
        if (code == null || code < 100 || code > 599) {
          throw ProblemException.invalidField(
              PREFIX + "expectedStatus[" + i + "]", "is not an HTTP status (100 to 599)");
        }
      }
      expected = List.copyOf(new java.util.LinkedHashSet<>(expected));
    }
    if (s.maxLatencyMillis() != null && s.maxLatencyMillis() < 1) {
      throw ProblemException.invalidField(PREFIX + "maxLatencyMillis", "must be at least 1");
    }
    if (s.bodyContains() != null && s.bodyMatches() != null) {
      throw ProblemException.invalidField(
          PREFIX + "bodyMatches", "give bodyContains or bodyMatches, not both");
    }
    String body = s.bodyContains() != null ? "bodyContains" : "bodyMatches";
    String bodyValue = s.bodyContains() != null ? s.bodyContains() : s.bodyMatches();
    if (bodyValue != null) {
      if (bodyValue.isEmpty() || bodyValue.length() > 1000) {
        throw ProblemException.invalidField(PREFIX + body, "must be 1 to 1000 characters");
      }
      if (method == ProbeSettings.HttpMethod.HEAD) {
        throw ProblemException.invalidField(PREFIX + body, "a HEAD answer has no body to search");
      }
    }
    if (s.bodyMatches() != null) {
      try {
        Pattern.compile(s.bodyMatches());
      } catch (PatternSyntaxException e) {
        throw ProblemException.invalidField(
            PREFIX + "bodyMatches", "is not a valid regular expression: " + e.getDescription());
      }
    }
    if (s.certificateMinDays() != null) {
      if (!scheme.equals("https")) {
        throw ProblemException.invalidField(
            PREFIX + "certificateMinDays", "only an https URL has a certificate");
      }
      if (s.certificateMinDays() < 0 || s.certificateMinDays() > 3650) {
        throw ProblemException.invalidField(PREFIX + "certificateMinDays", "must be 0 to 3650");
      }
    }
    return new ProbeSettings(
        url,
        method,
        expected,
        s.maxLatencyMillis(),
        s.bodyContains(),
        s.bodyMatches(),
        s.certificateMinDays(),
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static ProbeSettings tcp(ProbeSettings s) {
    String host = required("host", s.host());
    if (!isHost(host)) {
      throw ProblemException.invalidField(PREFIX + "host", "is not a host name or IP address");
    }
    if (s.port() == null) {
      throw ProblemException.invalidField(PREFIX + "port", "is required for a TCP check");
    }
    if (s.port() < 1 || s.port() > 65535) {
      throw ProblemException.invalidField(PREFIX + "port", "must be 1 to 65535");
    }
    return new ProbeSettings(
        null, null, null, null, null, null, null, host, s.port(), null, null, null, null);
  }

  private static ProbeSettings dns(ProbeSettings s) {
    String name = required("name", s.name());
    if (!HOST_NAME.matcher(name).matches()) {
      throw ProblemException.invalidField(PREFIX + "name", "is not a DNS name");
    }
    ProbeSettings.RecordType type =
        s.recordType() == null ? ProbeSettings.RecordType.A : s.recordType();
    List<String> expected = s.expectedAddresses();
    if (expected != null) {
      if (expected.size() > 50) {
        throw ProblemException.invalidField(
            PREFIX + "expectedAddresses", "give at most 50 addresses");
      }
      List<String> normalized = new ArrayList<>();
      for (int i = 0; i < expected.size(); i++) {
        String address = expected.get(i);
        boolean valid =
            address != null
                && (type == ProbeSettings.RecordType.A
                    ? NetUtil.isValidIpV4Address(address)
                    : NetUtil.isValidIpV6Address(address));
        if (!valid) {
          throw ProblemException.invalidField(
              PREFIX + "expectedAddresses[" + i + "]", "is not an " + type + " record's address");
        }
        normalized.add(Addresses.normalize(address));
      }
      expected = List.copyOf(normalized);
    }
    if (s.resolver() != null) {
      try {
        Addresses.resolver(s.resolver());
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField(PREFIX + "resolver", e.getMessage());
      }
    }
    return new ProbeSettings(
        null, null, null, null, null, null, null, null, null, name, type, expected, s.resolver());
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalidField(PREFIX + field, "is required for this kind of check");
    }
    return value.trim();
  }

  private static boolean isHost(String host) {
    return NetUtil.isValidIpV4Address(host)
        || NetUtil.isValidIpV6Address(host)
        || HOST_NAME.matcher(host).matches();
  }
}
