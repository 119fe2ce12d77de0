package io.vigie.backup.drp;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.DomainEvent;
import io.vigie.events.backup.DrpDirection;
import io.vigie.events.dns.DnsSwitchApplied;
import io.vigie.events.dns.DnsSwitchFailed;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.outbox.Outbox;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs DRP plans: activation by a client user of the plan's tenant or an operator (never an agent
 * nor level-1 support), step reports from people and agents, the DNS switch's outcome from
 * dns-service. Each transition locks the run, applies {@link DrpRunMachine} and stores the next
 * sheet with its events in the outbox, in one transaction; nothing lives only in memory, so a
 * restarted service carries on where the run stood.
 */
@ApplicationScoped
public class DrpRunService {

  public static final String WHAT = "DRP run";
  static final String DNS_SERVICE = "dns-service";
  static final Keyset NEWEST_FIRST =
      Keyset.descending("activated_at", "timestamptz").then("id", "uuid");

  private static final Logger LOG = Logger.getLogger(DrpRunService.class);

  private final InstantSource clock;
  private final Outbox outbox;
  private final Reads reads;
  private final DrpPlanService plans;

  public DrpRunService(InstantSource clock, Outbox outbox, Reads reads, DrpPlanService plans) {
    this.clock = clock;
    this.outbox = outbox;
    this.reads = reads;
    this.plans = plans;
  }

  /** What a person says when activating a plan. */
  public record ActivationRequest(DrpDirection direction, String reason) {}

  public Uni<Listing<RunSheet>> list(UUID planId, PageRequest page, Caller caller) {
    return plans
        .everVisible(planId, caller)
        .chain(
            x -> {
              SqlQuery query =
                  SqlQuery.select("doc::json", "drp_run")
                      .where("plan_id = ?", planId)
                      .keyset(NEWEST_FIRST);
              return reads.page(TenantScope.restrict(query, caller, "tenant = ?"), page);
            });
  }

  public Uni<RunSheet> read(UUID id, Caller caller) {
    SqlQuery query = SqlQuery.select("doc::json", "drp_run").where("id = ?", id);
    return reads.found(TenantScope.restrict(query, caller, "tenant = ?"), RunSheet.class, WHAT, id);
  }

  @WithTransaction
  public Uni<RunSheet> activate(UUID planId, ActivationRequest request, Caller caller) {
    requireMayDecide(caller);
    Instant now = now();
    return DrpPlan.<DrpPlan>findById(planId, LockModeType.PESSIMISTIC_WRITE)
        .map(
            p ->
                TenantScope.visibleOr404(
                    p, p == null ? null : p.tenant, caller, DrpPlanService.WHAT, planId))
        .chain(
            plan ->
                DrpRun.count("planId = ?1 and status in ?2", planId, RunStatus.activeOnes())
                    .<DrpRun>chain(
                        active -> {
                          if (active > 0) {
                            throw ProblemException.conflict(
                                "plan " + plan.name + " already has a run in progress");
                          }
                          return DrpRun.<DrpRun>find(
                                  "planId = ?1 order by activatedAt desc, id desc", planId)
                              .firstResult();
                        })
                    .chain(
                        latest -> {
                          DrpPlanView view = plans.view(plan);
                          DrpRunMachine.Transition t;
                          try {
                            DrpRunMachine.mayStart(
                                request.direction(),
                                latest == null ? null : plans.read(latest.doc, RunSheet.class));
                            t =
                                DrpRunMachine.activate(
                                    new DrpRunMachine.Activation(
                                        Uuids.timeOrdered(),
                                        plan.id,
                                        plan.name,
                                        plan.tenant,
                                        request.direction(),
                                        plan.productionServerId,
                                        plan.recoveryServerId,
                                        view.steps(),
                                        caller.name(),
                                        request.reason()),
                                    now);
                          } catch (RunRefused e) {
                            throw ProblemException.conflict(e.getMessage());
                          }
                          DrpRun run = new DrpRun();
                          run.id = t.sheet().id();
                          run.planId = plan.id;
                          run.tenant = plan.tenant;
                          run.direction = request.direction();
                          run.activatedAt = now;
                          return store(run, t, caller.name()).call(() -> run.persist());
                        }))
        .call(Panache::flush);
  }

  @WithTransaction
  public Uni<RunSheet> complete(UUID runId, int position, String note, Caller caller) {
    Instant now = now();
    return transition(
        runId,
        caller,
        true,
        sheet -> DrpRunMachine.complete(sheet, position, caller.name(), note, now));
  }

  @WithTransaction
  public Uni<RunSheet> fail(UUID runId, int position, String reason, Caller caller) {
    Instant now = now();
    return transition(
        runId,
        caller,
        true,
        sheet -> DrpRunMachine.fail(sheet, position, caller.name(), reason, now));
  }

  @WithTransaction
  public Uni<RunSheet> retry(UUID runId, Caller caller) {
    requireMayDecide(caller);
    Instant now = now();
    return transition(
        runId, caller, false, sheet -> DrpRunMachine.retry(sheet, caller.name(), now));
  }

  @WithTransaction
  public Uni<RunSheet> abort(UUID runId, String reason, Caller caller) {
    requireMayDecide(caller);
    Instant now = now();
    return transition(
        runId, caller, false, sheet -> DrpRunMachine.abort(sheet, caller.name(), reason, now));
  }

  /** dns-service verified a switch; runs in the consumer's transaction. */
  public Uni<Void> switchApplied(DnsSwitchApplied e) {
    return fromDns(
        e.runId(),
        e.planId(),
        e.tenant(),
        e.direction(),
        sheet -> DrpRunMachine.dnsSwitchApplied(sheet, e.position(), e.appliedAt()));
  }

  /** dns-service could not verify a switch; runs in the consumer's transaction. */
  public Uni<Void> switchFailed(DnsSwitchFailed e) {
    return fromDns(
        e.runId(),
        e.planId(),
        e.tenant(),
        e.direction(),
        sheet -> DrpRunMachine.dnsSwitchFailed(sheet, e.position(), e.reason(), e.failedAt()));
  }

  private Uni<Void> fromDns(
      UUID runId,
      UUID planId,
      String tenant,
      DrpDirection direction,
      Function<RunSheet, DrpRunMachine.Transition> step) {
    return DrpRun.<DrpRun>findById(runId, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            run -> {
              if (run == null
                  || !run.planId.equals(planId)
                  || !run.tenant.equals(tenant)
                  || run.direction != direction) {
                LOG.warnf(
                    "DNS switch report for run %s (plan %s, %s, %s) matches no run: skipped",
                    runId, planId, tenant, direction);
                return Uni.createFrom().voidItem();
              }
              DrpRunMachine.Transition t;
              try {
                t = step.apply(plans.read(run.doc, RunSheet.class));
              } catch (RunRefused refused) {
                // a late or repeated report: the run has moved on, nothing to change
                LOG.warnf("DNS switch report for run %s skipped: %s", runId, refused.getMessage());
                return Uni.createFrom().voidItem();
              }
              return store(run, t, DNS_SERVICE).replaceWithVoid();
            });
  }

  private Uni<RunSheet> transition(
      UUID runId,
      Caller caller,
      boolean agentsToo,
      Function<RunSheet, DrpRunMachine.Transition> step) {
    return DrpRun.<DrpRun>findById(runId, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            run -> {
              boolean agent = agentsToo && caller.isAgent() && run != null;
              if (!agent) {
                TenantScope.visibleOr404(run, run == null ? null : run.tenant, caller, WHAT, runId);
              }
              DrpRunMachine.Transition t;
              try {
                t = step.apply(plans.read(run.doc, RunSheet.class));
              } catch (RunRefused refused) {
                throw ProblemException.conflict(refused.getMessage());
              }
              return store(run, t, caller.name());
            })
        .call(Panache::flush);
  }

  private Uni<RunSheet> store(DrpRun run, DrpRunMachine.Transition t, String actor) {
    RunSheet sheet = t.sheet();
    run.status = sheet.status();
    run.finishedAt = sheet.finishedAt();
    run.doc = plans.write(sheet);
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (DomainEvent event : t.events()) {
      chain = chain.chain(() -> outbox.record(event, actor));
    }
    return chain.replaceWith(sheet);
  }

  /**
   * A DRP is decided by the client's own users (the kit has no separate client-admin role: a client
   * token of the plan's tenant) or by engineers, experts and admins; never by an agent.
   */
  static void requireMayDecide(Caller caller) {
    if (!(caller.isClient() || caller.canOperate())) {
      throw ProblemException.forbidden(
          "A DRP is activated, retried or aborted by the client's users or by engineers, experts"
              + " and admins");
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
