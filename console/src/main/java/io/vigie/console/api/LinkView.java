package io.vigie.console.api;

/**
 * What a ticket is about (a server, VM, hosted service, alert or incident), as ticket-service shows
 * it.
 */
@ApiSchema(service = "ticket-service", schema = "LinkView")
public record LinkView(String kind, String target, String label) {}
