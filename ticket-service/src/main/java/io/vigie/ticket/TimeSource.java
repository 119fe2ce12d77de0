package io.vigie.ticket;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.time.InstantSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one source of "now" in ticket-service: clocks, deadlines and timestamps read it, so tests
 * move time instead of sleeping. {@code vigie.test.clock-offset} (default {@code PT0S}) shifts it,
 * for tests that run the packaged service in its own JVM and restart it later in its life (the
 * on-call crash test); never set it in production.
 */
@ApplicationScoped
public class TimeSource {

  @Produces
  @DefaultBean
  @ApplicationScoped
  InstantSource system(
      @ConfigProperty(name = "vigie.test.clock-offset", defaultValue = "PT0S") Duration offset) {
    return offset.isZero()
        ? InstantSource.system()
        : InstantSource.offset(InstantSource.system(), offset);
  }
}
