package io.vigie.console.api;

import java.time.Instant;

/** A client's iCalendar feed of planned interventions. */
@ApiSchema(service = "ticket-service", schema = "FeedView")
public record FeedView(String tenant, String url, Instant rotatedAt) {}
