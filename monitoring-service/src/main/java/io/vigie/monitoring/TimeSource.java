package io.vigie.monitoring;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.InstantSource;

/**
 * "Now" for the features that take it injected (capacity planning, consumption reports), so tests
 * can move time instead of sleeping; a test or another producer replaces this default.
 */
@ApplicationScoped
public class TimeSource {

  @Produces
  @DefaultBean
  @ApplicationScoped
  InstantSource system() {
    return InstantSource.system();
  }
}
