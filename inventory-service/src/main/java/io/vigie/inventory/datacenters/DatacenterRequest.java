package io.vigie.inventory.datacenters;

import io.vigie.events.inventory.Certification;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A datacenter the hoster runs or rents space in. */
public record DatacenterRequest(
    @NotBlank
        @Size(max = 40)
        @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]*$", message = "uppercase letters, digits and dashes")
        String code,
    @NotBlank @Size(max = 200) String name,
    @Size(max = 200) String operator,
    @Size(max = 120) String city,
    @NotBlank @Pattern(regexp = "^[A-Z]{2}$", message = "ISO 3166 alpha-2 country code")
        String country,
    @Min(1) @Max(4) int tier,
    Set<Certification> certifications) {}
