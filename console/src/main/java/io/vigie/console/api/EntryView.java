package io.vigie.console.api;

import java.time.Instant;
import java.util.UUID;

/** One entry of a ticket's timeline. */
@ApiSchema(service = "ticket-service", schema = "EntryView")
public record EntryView(
    UUID id, Instant at, String kind, String visibility, String author, String body) {}
