package io.vigie.backup;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in tests: the system's until a test sets it, so tests move time instead of
 * sleeping. A test that sets it resets it when done.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class MovableClock implements InstantSource {

  private final AtomicReference<Instant> fixed = new AtomicReference<>();

  @Override
  public Instant instant() {
    Instant at = fixed.get();
    return at == null ? Instant.now() : at;
  }

  public void set(Instant at) {
    fixed.set(at);
  }

  public void reset() {
    fixed.set(null);
  }
}
