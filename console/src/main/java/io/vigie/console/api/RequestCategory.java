package io.vigie.console.api;

import java.time.Duration;

/** A kind of request a client can open, with the time it is handled within. */
@ApiSchema(service = "ticket-service", schema = "RequestCategory")
public record RequestCategory(String code, String label, Duration handleWithin) {}
