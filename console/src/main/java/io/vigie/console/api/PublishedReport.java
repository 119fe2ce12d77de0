package io.vigie.console.api;

import java.time.Instant;

/** A post-incident report published in the month. */
@ApiSchema(service = "ticket-service", schema = "Publication")
public record PublishedReport(
    String reference, String title, Integer version, Instant publishedAt) {}
