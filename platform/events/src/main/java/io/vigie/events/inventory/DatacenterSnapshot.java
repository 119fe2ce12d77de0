package io.vigie.events.inventory;

import java.util.Set;
import java.util.UUID;

public record DatacenterSnapshot(
    UUID id,
    String code,
    String name,
    String operator,
    String city,
    String country,
    int tier,
    Set<Certification> certifications,
    long version) {}
