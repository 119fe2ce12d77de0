package io.vigie.console.api;

/** One bad field named by a problem. */
public record FieldError(String field, String message) {}
