package io.vigie.inventory.servers;

import io.vigie.events.inventory.HardwareSpec;
import io.vigie.events.inventory.NetworkLink;
import io.vigie.events.inventory.ServerRole;
import io.vigie.inventory.AddressPatterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A physical server, as registered or updated. */
public record ServerRequest(
    @NotBlank
        @Size(max = 253)
        @Pattern(regexp = AddressPatterns.HOSTNAME, message = "must be a lowercase host name")
        String hostname,
    @NotNull UUID datacenterId,
    UUID rackId,
    @Min(1) @Max(60) Integer rackPosition,
    @Min(1) @Max(20) Integer heightUnits,
    @NotEmpty Set<@NotNull ServerRole> roles,
    @NotNull @Valid HardwareSpec hardware,
    List<@NotNull @Valid NetworkLink> networkLinks,
    @Pattern(regexp = AddressPatterns.IP, message = "must be an IP address") String managementIp,
    List<@Pattern(regexp = AddressPatterns.IP, message = "must be an IP address") String> publicIps,
    List<@Pattern(regexp = AddressPatterns.IP, message = "must be an IP address") String>
        privateIps,
    @Size(max = 80) String vendor,
    @Size(max = 120) String model,
    @Size(max = 80) String serialNumber,
    LocalDate purchaseDate,
    LocalDate warrantyEnd,
    LocalDate endOfLife) {}
