package io.vigie.inventory.datacenters;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A rack in a datacenter room. */
public record RackRequest(
    @NotNull UUID datacenterId,
    @NotBlank @Size(max = 40) String name,
    @Size(max = 80) String room,
    @Min(1) @Max(60) int units) {}
