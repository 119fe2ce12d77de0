package io.vigie.inventory.servers;

import io.vigie.events.inventory.ServerStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A change of a server's lifecycle status, with the reason kept in its history. */
public record LifecycleTransition(
    @NotNull ServerStatus to, @NotBlank @Size(max = 500) String reason) {}
