package io.vigie.events.inventory;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Disaster-recovery commitments: the most data that may be lost (RPO) and how long the service may
 * be down (RTO) when the plan is activated.
 */
public record DrpTerms(@NotNull Duration rpo, @NotNull Duration rto) {}
