package io.vigie.backup.retention;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vigie.backup.Problems;
import io.vigie.backup.policy.BackupPolicy;
import io.vigie.backup.policy.PolicyCopy;
import io.vigie.backup.policy.PolicyService;
import io.vigie.kit.problem.Problem.FieldError;
import io.vigie.kit.tenancy.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Retention plans over the snapshots the agents reported ({@code restic snapshots --json}). */
@ApplicationScoped
public class RetentionPlanService {

  /**
   * The plan of the policy's keep rules over its snapshots in {@code repositoryId}, one of its
   * copies' repositories; another client's policy answers 404.
   */
  public Uni<RetentionPlanView> plan(UUID policyId, String repository, Caller caller) {
    if (repository == null || repository.isBlank()) {
      return Uni.createFrom()
          .failure(
              Problems.invalid(
                  List.of(
                      new FieldError(
                          "repositoryId", "required: the repository whose snapshots to plan"))));
    }
    UUID repositoryId;
    try {
      repositoryId = UUID.fromString(repository);
    } catch (IllegalArgumentException e) {
      return Uni.createFrom()
          .failure(
              Problems.invalid(List.of(new FieldError("repositoryId", "not a repository id"))));
    }
    return Panache.withSession(
        () ->
            PolicyService.visible(policyId, caller)
                .chain(
                    policy ->
                        PolicyCopy.<PolicyCopy>count(
                                "policyId = ?1 and repositoryId = ?2", policy.id, repositoryId)
                            .chain(
                                copies -> {
                                  if (copies == 0) {
                                    return Uni.createFrom()
                                        .failure(
                                            Problems.invalid(
                                                List.of(
                                                    new FieldError(
                                                        "repositoryId",
                                                        "not a repository of this policy's"
                                                            + " copies"))));
                                  }
                                  return io.vigie.backup.run.Snapshot
                                      .<io.vigie.backup.run.Snapshot>list(
                                          "policyId = ?1 and key.repositoryId = ?2",
                                          policy.id,
                                          repositoryId)
                                      .map(known -> view(policy, repositoryId, known));
                                })));
  }

  private static RetentionPlanView view(
      BackupPolicy policy, UUID repositoryId, List<io.vigie.backup.run.Snapshot> known) {
    List<Snapshot> snapshots = new ArrayList<>();
    for (io.vigie.backup.run.Snapshot s : known) {
      snapshots.add(new Snapshot(s.key.snapshotId, s.takenAt));
    }
    RetentionRules rules = policy.retention();
    RetentionPlan plan = RetentionPlanner.plan(snapshots, rules, policy.zone());
    List<RetentionPlanView.PlannedSnapshot> planned = new ArrayList<>();
    for (RetentionPlan.Decision d : plan.decisions()) {
      planned.add(
          new RetentionPlanView.PlannedSnapshot(
              d.snapshot().id(), d.snapshot().time(), d.keep(), d.reasons()));
    }
    return new RetentionPlanView(
        policy.id,
        repositoryId,
        policy.zone().getId(),
        flags(policy),
        plan.kept().size(),
        plan.forgotten().size(),
        planned);
  }

  /** The policy's rules as restic's {@code forget} flags, as the reference agent passes them. */
  static List<String> flags(BackupPolicy policy) {
    List<String> flags = new ArrayList<>();
    add(flags, "--keep-last", policy.keepLast);
    add(flags, "--keep-hourly", policy.keepHourly);
    add(flags, "--keep-daily", policy.keepDaily);
    add(flags, "--keep-weekly", policy.keepWeekly);
    add(flags, "--keep-monthly", policy.keepMonthly);
    add(flags, "--keep-yearly", policy.keepYearly);
    if (policy.keepWithin != null) {
      flags.add("--keep-within " + policy.keepWithin);
    }
    return flags;
  }

  private static void add(List<String> flags, String flag, int count) {
    if (count > 0) {
      flags.add(flag + " " + count);
    }
  }
}
