package io.vigie.console.api;

import java.util.List;

/** An RFC 9457 problem a service answered, with the fields it names. */
@ApiSchema(service = "ticket-service", schema = "Problem")
public record Problem(String title, Integer status, String detail, List<FieldError> errors) {}
