package io.vigie.console.api;

import java.util.List;
import java.util.UUID;

/** A client's DNS zone as dns-service shows it. */
@ApiSchema(service = "dns-service", schema = "ZoneView")
public record ZoneView(
    UUID id,
    String name,
    String tenant,
    Long serial,
    Integer recordSetCount,
    List<ProviderState> providers,
    List<RecordSet> recordSets) {}
