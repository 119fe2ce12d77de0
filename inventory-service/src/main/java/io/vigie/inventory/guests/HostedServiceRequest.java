package io.vigie.inventory.guests;

import io.vigie.events.inventory.HostedServiceKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;

/** A service the hoster runs for a client (site, database, mail), on servers or VMs. */
public record HostedServiceRequest(
    @NotNull UUID clientId,
    @NotBlank @Size(max = 200) String name,
    @NotNull HostedServiceKind kind,
    @Size(max = 2000)
        @Pattern(
            regexp = "^(https?|tcp|mysql|postgresql|smtp)://\\S+$",
            message = "must be a URL such as https://shop.example.com")
        String url,
    @Min(1) @Max(65535) Integer port,
    @Size(max = 80) String technology,
    Set<@NotNull UUID> serverIds,
    Set<@NotNull UUID> virtualMachineIds) {}
