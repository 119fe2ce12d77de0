package io.vigie.inventory.clients;

import io.vigie.events.inventory.ContractTerms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new client (tenant) of the hoster, with its contract. */
public record NewClient(
    @NotBlank
        @Pattern(
            regexp = "^[a-z0-9][a-z0-9-]{1,39}$",
            message = "2 to 40 lowercase letters, digits or dashes")
        String code,
    @NotBlank @Size(max = 200) String name,
    @Email @Size(max = 200) String contactEmail,
    @NotNull @Valid ContractTerms contract) {}
