package io.vigie.inventory.clients;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A client's name and contact, as its staff may change them. */
public record ClientDetails(
    @NotBlank @Size(max = 200) String name, @Email @Size(max = 200) String contactEmail) {}
