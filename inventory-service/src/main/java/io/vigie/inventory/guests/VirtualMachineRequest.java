package io.vigie.inventory.guests;

import io.vigie.events.inventory.GuestKind;
import io.vigie.inventory.AddressPatterns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** A client's VM or container on one of the hoster's servers. */
public record VirtualMachineRequest(
    @NotBlank @Size(max = 120) String name,
    @NotNull GuestKind kind,
    @NotNull UUID hostServerId,
    @NotNull UUID clientId,
    @Min(1) @Max(1024) int vcpus,
    @Min(1) @Max(16384) int ramGb,
    @Min(1) @Max(1_000_000) int diskGb,
    List<@Pattern(regexp = AddressPatterns.IP, message = "must be an IP address") String>
        ipAddresses,
    @Size(max = 120) String operatingSystem) {}
