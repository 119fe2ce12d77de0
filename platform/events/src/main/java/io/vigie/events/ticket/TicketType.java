package io.vigie.events.ticket;

/** ITIL ticket types, each with its reference prefix. */
public enum TicketType {
  INCIDENT("INC"),
  REQUEST("REQ"),
  CHANGE("CHG"),
  PROBLEM("PRB");

  private final String prefix;

  TicketType(String prefix) {
    this.prefix = prefix;
  }

  /** The prefix of the human reference, e.g. {@code INC} in {@code INC-2026-000123}. */
  public String prefix() {
    return prefix;
  }
}
