package io.vigie.events.inventory;

import java.util.UUID;

public record RackSnapshot(
    UUID id, UUID datacenterId, String name, String room, int units, long version) {}
