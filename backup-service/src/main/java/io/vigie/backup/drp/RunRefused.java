package io.vigie.backup.drp;

/**
 * A transition the run's state does not allow: the API answers 409 with this message; an event from
 * dns-service that arrives late or twice is logged and skipped.
 */
public class RunRefused extends RuntimeException {

  public RunRefused(String message) {
    super(message);
  }
}
