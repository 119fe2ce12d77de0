package io.vigie.console.api;

import java.time.Instant;

/** A client's iCalendar feed of planned interventions. */
public record FeedView(String tenant, String url, Instant rotatedAt) {}
