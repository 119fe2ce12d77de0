package io.vigie.console.api;

import java.time.Instant;

/** A client's answer to a proposed intervention. */
@ApiSchema(service = "ticket-service", schema = "ConsentView")
public record ConsentView(
    String tenant,
    String answer,
    String reason,
    Instant proposedStartsAt,
    Instant proposedEndsAt,
    String answeredBy,
    Instant answeredAt) {}
