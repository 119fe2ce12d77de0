package io.vigie.console.api;

import java.util.List;

/** One page of a list endpoint, as every service answers it. */
public record Listing<T>(List<T> items, String next, Long total) {}
