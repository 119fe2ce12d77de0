package io.vigie.dns.provider;

/** A provider refused a change or could not be reached; the message is safe to show to staff. */
public class ProviderException extends Exception {

  public ProviderException(String message) {
    super(message);
  }

  public ProviderException(String message, Throwable cause) {
    super(message, cause);
  }
}
