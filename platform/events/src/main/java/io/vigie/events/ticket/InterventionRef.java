package io.vigie.events.ticket;

import java.util.UUID;

/**
 * Which planned intervention an event is about.
 *
 * @param reference the human reference, e.g. {@code INT-2026-000042}
 * @param version the intervention's version after the change
 */
public record InterventionRef(UUID id, String reference, long version) {}
