package io.vigie.console.api;

import java.util.List;

/** One record set of a DNS zone as dns-service shows it ({@code records} in zone-file syntax). */
@ApiSchema(service = "dns-service", schema = "RecordSet")
public record RecordSet(
    String name, String type, Integer ttl, List<String> records, String failoverGroup) {}
