package io.vigie.console.api;

import java.time.Instant;
import java.util.UUID;

/** A ticket as ticket-service shows it. */
public record TicketView(
    UUID id,
    String reference,
    String tenant,
    String type,
    String status,
    String priority,
    String supportLevel,
    String assignee,
    String title,
    String description,
    String openedBy,
    Instant openedAt,
    Instant acknowledgedAt,
    Instant resolvedAt,
    ClockView interventionClock,
    ClockView resolutionClock,
    long version) {}
