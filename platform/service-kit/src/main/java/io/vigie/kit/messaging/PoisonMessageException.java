package io.vigie.kit.messaging;

/** A message that can never be processed: it goes to the channel's dead-letter topic. */
public class PoisonMessageException extends RuntimeException {

  public PoisonMessageException(String message) {
    super(message);
  }
}
