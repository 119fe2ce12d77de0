package io.vigie.console.api;

import java.util.List;

/** One page of a list endpoint, as every service answers it. */
@ApiSchema(service = "ticket-service", schema = "ListingTicketView")
public record Listing<T>(List<T> items, String next, Long total) {}
