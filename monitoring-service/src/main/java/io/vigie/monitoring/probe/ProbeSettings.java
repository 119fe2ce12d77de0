package io.vigie.monitoring.probe;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The kind-specific settings of an active check, in one flat record: each kind uses its own fields
 * and {@link ProbeSettingsRules} refuses the others.
 *
 * @param url HTTP: the URL to fetch (http or https)
 * @param method HTTP: GET (default) or HEAD
 * @param expectedStatus HTTP: the status codes that are OK; absent means any 200 to 399
 * @param maxLatencyMillis HTTP: a slower answer is a WARNING
 * @param bodyContains HTTP: the body must contain this text (CRITICAL otherwise)
 * @param bodyMatches HTTP: or the body must match this regular expression
 * @param certificateMinDays HTTPS: fewer days left on the certificate is a WARNING, expired is
 *     CRITICAL
 * @param host TCP: the host name or address to connect to
 * @param port TCP: the port
 * @param name DNS: the name to resolve
 * @param recordType DNS: A (default) or AAAA
 * @param expectedAddresses DNS: addresses the answer must include; absent means any answer
 * @param resolver DNS: the server to ask, {@code host:port} ({@code [v6]:port}); absent means the
 *     configured default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeSettings(
    String url,
    HttpMethod method,
    List<Integer> expectedStatus,
    Integer maxLatencyMillis,
    String bodyContains,
    String bodyMatches,
    Integer certificateMinDays,
    String host,
    Integer port,
    String name,
    RecordType recordType,
    List<String> expectedAddresses,
    String resolver) {

  /** The HTTP methods a check may use: neither changes anything on the target. */
  public enum HttpMethod {
    GET,
    HEAD
  }

  /** The DNS record types a check may ask for. */
  public enum RecordType {
    A,
    AAAA
  }

  /** Whether {@code status} counts as OK: the expected list, or 200 to 399 when none is given. */
  public boolean statusExpected(int status) {
    return expectedStatus == null || expectedStatus.isEmpty()
        ? status >= 200 && status <= 399
        : expectedStatus.contains(status);
  }
}
