package io.vigie.ticket;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.InstantSource;

/**
 * The one source of "now" in ticket-service: clocks, deadlines and timestamps read it, so tests
 * move time instead of sleeping.
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
