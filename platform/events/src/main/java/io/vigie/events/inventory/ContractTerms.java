package io.vigie.events.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a hoster promises a client: availability, intervention and resolution times per priority,
 * support hours, backups and disaster recovery.
 *
 * @param availabilityTarget monthly availability in percent, e.g. 99.95
 * @param drp null when the contract has no disaster-recovery plan
 */
public record ContractTerms(
    @NotNull @DecimalMin("90.0") @DecimalMax("100.0") BigDecimal availabilityTarget,
    @NotNull @Valid SupportHours supportHours,
    @NotEmpty List<@NotNull @Valid PriorityTarget> priorityTargets,
    @NotNull @Valid BackupTerms backup,
    @Valid DrpTerms drp) {}
