package io.vigie.console.api;

import java.util.UUID;

/** An on-call schedule. */
public record ScheduleView(UUID id, String name, String timeZone) {}
