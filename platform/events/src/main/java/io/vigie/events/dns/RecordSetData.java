package io.vigie.events.dns;

import java.util.List;

/**
 * The content of one RRset: its TTL and its records' data in zone-file presentation form ({@code
 * "10 mx1.example.net."}), sorted.
 */
public record RecordSetData(long ttl, List<String> records) {}
