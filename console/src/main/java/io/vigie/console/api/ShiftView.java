package io.vigie.console.api;

import java.time.Instant;

/** Who holds an on-call schedule, from when until when. */
@ApiSchema(service = "ticket-service", schema = "ShiftView")
public record ShiftView(String subject, Instant from, Instant until) {}
