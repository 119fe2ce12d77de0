package io.vigie.console.api;

import java.util.List;
import java.util.UUID;

/** One interface's 5-minute rates (bit/s), as monitoring-service shows them. */
@ApiSchema(service = "monitoring-service", schema = "InterfaceUsage")
public record InterfaceUsage(String interfaceName, UUID guestId, List<UsagePoint> points) {}
