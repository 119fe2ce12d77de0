package io.vigie.events.inventory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A network attachment, e.g. 300 Mbit/s internet with 1 Gbit/s burst, or 1 Gbit/s private.
 *
 * @param burstMbps null when the link cannot burst above its committed rate
 */
public record NetworkLink(
    @NotNull Kind kind,
    @Size(max = 40) String name,
    @Min(1) @Max(1_000_000) int bandwidthMbps,
    @Min(1) @Max(1_000_000) Integer burstMbps) {

  public enum Kind {
    INTERNET,
    PRIVATE,
    MANAGEMENT,
    STORAGE
  }
}
