package io.vigie.events.inventory;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Guaranteed time to intervention (GTI) and time to resolution for one ticket priority, counted in
 * support hours.
 */
public record PriorityTarget(
    @NotNull Priority priority, @NotNull Duration timeToIntervention, Duration timeToResolution) {

  /** P1 is a production outage; P4 a request with no urgency. */
  public enum Priority {
    P1,
    P2,
    P3,
    P4
  }
}
