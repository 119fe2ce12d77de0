package io.vigie.console.api;

import java.util.UUID;

/** An on-call schedule. */
@ApiSchema(service = "ticket-service", schema = "ScheduleView")
public record ScheduleView(UUID id, String name, String timeZone) {}
