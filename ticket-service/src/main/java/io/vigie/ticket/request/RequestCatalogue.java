package io.vigie.ticket.request;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a client may ask for and how long the hoster takes to handle it: plain Java over the
 * configured categories, checked once when the service starts.
 */
public final class RequestCatalogue {

  /** One kind of request a client may open. */
  public record RequestCategory(String code, String label, Duration handleWithin) {}

  private final Map<String, RequestCategory> byCode;

  private RequestCatalogue(Map<String, RequestCategory> byCode) {
    this.byCode = byCode;
  }

  /**
   * @throws IllegalArgumentException when a category has no label or a non-positive time
   */
  public static RequestCatalogue of(List<RequestCategory> categories) {
    Map<String, RequestCategory> byCode = new TreeMap<>();
    for (RequestCategory c : categories) {
      if (c.code() == null || !c.code().matches("[a-z0-9][a-z0-9-]{0,59}")) {
        throw new IllegalArgumentException("request category code " + c.code() + " is invalid");
      }
      if (c.label() == null || c.label().isBlank()) {
        throw new IllegalArgumentException("request category " + c.code() + " has no label");
      }
      if (c.handleWithin() == null || c.handleWithin().isZero() || c.handleWithin().isNegative()) {
        throw new IllegalArgumentException(
            "request category " + c.code() + " must be handled within a positive time");
      }
      if (byCode.put(c.code(), c) != null) {
        throw new IllegalArgumentException("request category " + c.code() + " is listed twice");
      }
    }
    return new RequestCatalogue(byCode);
  }

  public static RequestCatalogue of(RequestConfig config) {
    return of(
        config.categories().entrySet().stream()
            .map(
                e ->
                    new RequestCategory(
                        e.getKey(), e.getValue().label().strip(), e.getValue().handleWithin()))
            .toList());
  }

  public Optional<RequestCategory> category(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code.strip()));
  }

  /** Every category, shortest handling time first, then by code. */
  public List<RequestCategory> categories() {
    return byCode.values().stream()
        .sorted(
            Comparator.comparing(RequestCategory::handleWithin)
                .thenComparing(RequestCategory::code))
        .toList();
  }

  public String codes() {
    return String.join(", ", byCode.keySet());
  }
}
