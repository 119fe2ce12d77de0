package io.vigie.events.inventory;

import java.util.UUID;

/**
 * A client (tenant) as inventory knows it. {@code code} is the tenant identifier carried by the
 * client's tokens.
 */
public record ClientSnapshot(
    UUID id, String code, String name, String contactEmail, ContractTerms contract, long version) {}
