package io.vigie.ticket.oncall;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One way to reach a person: an email address, or an outbound webhook (an SMS, voice or chat
 * gateway) whose deliveries are signed with {@code secret}. {@code name} is how notification rules
 * refer to it.
 */
public record ContactMethod(String name, Kind kind, String address, String secret) {

  /** How a notification travels. */
  @Schema(name = "ContactMethodKind")
  public enum Kind {
    EMAIL,
    WEBHOOK
  }

  /** The same method without its secret, as the API shows it. */
  public ContactMethod withoutSecret() {
    return new ContactMethod(name, kind, address, null);
  }
}
