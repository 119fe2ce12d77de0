package io.vigie.backup.drp;

import io.vigie.backup.policy.TargetKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A DRP plan as the API answers it. */
public record DrpPlanView(
    UUID id,
    String tenant,
    String name,
    Server productionServer,
    Server recoveryServer,
    List<Target> targets,
    List<PlanStep> steps,
    long version,
    Instant createdAt,
    Instant updatedAt,
    String updatedBy) {

  /** A server as the inventory knew it when the plan was written. */
  public record Server(
      UUID id, String hostname, String datacenterCode, List<String> publicAddresses) {}

  /** A production target with its inventory name. */
  @Schema(name = "DrpPlanTarget")
  public record Target(TargetKind kind, UUID id, String name) {}
}
