package io.vigie.ticket.request;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Map;

/**
 * The self-service request catalogue: per category, its label and the support time the hoster
 * handles it within. Clients' contracts (inventory's {@code ContractTerms}) carry no request times
 * today, so these configured times are the request clocks' targets, counted in the client's support
 * hours like every contract clock.
 */
@ConfigMapping(prefix = "vigie.ticket.requests")
public interface RequestConfig {

  /** Category code (e.g. {@code new-environment}) to its terms. */
  Map<String, Category> categories();

  interface Category {

    /** What a client reads, e.g. "A new environment (staging, preproduction)". */
    String label();

    /** The support time it is handled within, e.g. {@code PT48H}. */
    Duration handleWithin();
  }
}
