package io.vigie.console.api;

import java.time.Instant;
import java.util.UUID;

/** Who is on call now on a schedule, and who is next. */
@ApiSchema(service = "ticket-service", schema = "OnCallNow")
public record OnCallNow(UUID scheduleId, Instant at, ShiftView now, ShiftView next) {}
