package io.vigie.console.api;

import java.util.List;
import java.util.Map;

/** A client's month of tickets as ticket-service reports it. */
@ApiSchema(service = "ticket-service", schema = "ServiceMonth")
public record ServiceMonth(
    String tenant,
    String client,
    String month,
    String timeZone,
    Integer ticketsOpened,
    Map<String, Integer> byType,
    Map<String, Integer> byPriority,
    ClockTally intervention,
    ClockTally resolution,
    List<ClockBreach> breaches,
    List<PublishedReport> reportsPublished,
    List<DoneIntervention> interventionsDone) {}
