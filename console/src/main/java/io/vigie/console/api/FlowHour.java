package io.vigie.console.api;

import java.time.Instant;

/** One hour of monitoring's flow: samples received by remote_write, alerts fired and resolved. */
@ApiSchema(service = "monitoring-service", schema = "FlowHour")
public record FlowHour(
    Instant hour,
    long samplesAccepted,
    long samplesRejected,
    long alertsFired,
    long alertsResolved) {}
