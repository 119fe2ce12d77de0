package io.vigie.events.ticket;

import java.util.UUID;

/**
 * Which ticket an event is about, as people and machines name it.
 *
 * @param reference the human reference, e.g. {@code INC-2026-000123}
 * @param tenant the client (code) the ticket belongs to; null for an internal parent incident
 * @param version the ticket's version after the change
 */
public record TicketRef(UUID id, String reference, String tenant, long version) {}
