package io.vigie.console.api;

/** One bad field named by a problem. */
@ApiSchema(service = "ticket-service", schema = "FieldError")
public record FieldError(String field, String message) {}
