package io.vigie.backup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.InstantSource;

/**
 * The service's one source of time. Domain logic takes it as a parameter so tests move time instead
 * of sleeping; tests replace this bean with a settable one.
 */
public class Clocks {

  @Produces
  @ApplicationScoped
  InstantSource instantSource() {
    return InstantSource.system();
  }
}
