package io.vigie.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The service's "now" in tests: the system clock until a test sets it, then wherever the test moves
 * it. Replaces the default {@link InstantSource} bean.
 */
@ApplicationScoped
public class MovableTime implements InstantSource {

  private volatile Instant fixed;

  @Override
  public Instant instant() {
    Instant now = fixed;
    return now == null ? Instant.now() : now;
  }

  public void set(Instant now) {
    fixed = now;
  }

  public void advance(Duration by) {
    fixed = instant().plus(by);
  }

  /** Back to the system clock. */
  public void release() {
    fixed = null;
  }
}
