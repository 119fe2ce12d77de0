package io.vigie.backup.drp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.backup.Problems;
import io.vigie.backup.inventory.InventoryClient;
import io.vigie.backup.inventory.InventoryServer;
import io.vigie.backup.policy.PolicyRequest;
import io.vigie.backup.policy.TargetKind;
import io.vigie.backup.policy.Targets;
import io.vigie.kit.id.Uuids;
import io.vigie.kit.problem.Problem.FieldError;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.Caller;
import io.vigie.kit.tenancy.TenantScope;
import io.vigie.kit.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * DRP plans: written by operators, checked against the inventory before anything is stored (the
 * production server and targets are the client's, the recovery server sits in another datacenter);
 * every version kept in the plan's history; read by staff and by the client they belong to.
 */
@ApplicationScoped
public class DrpPlanService {

  public static final String WHAT = "DRP plan";

  static final Keyset BY_TENANT_AND_NAME =
      Keyset.ascending("tenant", "text").then("name", "text").then("id", "uuid");
  static final Keyset NEWEST_VERSION_FIRST = Keyset.descending("version", "bigint");

  private final InstantSource clock;
  private final Reads reads;
  private final ObjectMapper json;

  public DrpPlanService(InstantSource clock, Reads reads, ObjectMapper json) {
    this.clock = clock;
    this.reads = reads;
    this.json = json;
  }

  public Uni<Listing<DrpPlanView>> list(String tenant, String name, PageRequest page, Caller c) {
    SqlQuery query =
        SqlQuery.select("doc::json", "drp_plan")
            .where("tenant = ?", tenant)
            .where(
                "lower(name) like ?",
                name == null ? null : "%" + name.toLowerCase(Locale.ROOT) + "%")
            .keyset(BY_TENANT_AND_NAME);
    return reads.page(TenantScope.restrict(query, c, "tenant = ?"), page);
  }

  public Uni<DrpPlanView> read(UUID id, Caller caller) {
    SqlQuery query = SqlQuery.select("doc::json", "drp_plan").where("id = ?", id);
    return reads.found(
        TenantScope.restrict(query, caller, "tenant = ?"), DrpPlanView.class, WHAT, id);
  }

  /** Every version of the plan, newest first; still there after the plan was deleted. */
  public Uni<Listing<PlanRevisionView>> history(UUID id, PageRequest page, Caller caller) {
    return everVisible(id, caller)
        .chain(
            x -> {
              SqlQuery query =
                  SqlQuery.select("doc::json", "drp_plan_revision")
                      .where("plan_id = ?", id)
                      .keyset(NEWEST_VERSION_FIRST);
              return reads.page(TenantScope.restrict(query, caller, "tenant = ?"), page);
            });
  }

  /** A plan the caller may see, now or before it was deleted (its history); else 404. */
  Uni<Void> everVisible(UUID id, Caller caller) {
    SqlQuery visible = SqlQuery.select("doc::json", "drp_plan_revision").where("plan_id = ?", id);
    return reads
        .count(TenantScope.restrict(visible, caller, "tenant = ?"))
        .map(
            n -> {
              if (n == 0) {
                throw ProblemException.notFound(WHAT, id);
              }
              return null;
            });
  }

  @WithTransaction
  public Uni<DrpPlanView> create(DrpPlanRequest request, Caller caller) {
    caller.requireOperator();
    Instant now = now();
    DrpPlan plan = new DrpPlan();
    plan.id = Uuids.timeOrdered();
    plan.version = 1;
    plan.createdAt = now;
    return resolve(request, plan, caller, now)
        .chain(
            view ->
                clash(plan)
                    .chain(() -> plan.persist())
                    .chain(() -> revision(plan, "CREATED", caller, now))
                    .call(Panache::flush)
                    .replaceWith(view));
  }

  @WithTransaction
  public Uni<DrpPlanView> update(UUID id, String ifMatch, DrpPlanRequest request, Caller caller) {
    caller.requireOperator();
    Instant now = now();
    return visible(id, caller)
        .chain(
            plan -> {
              ETags.requireMatch(ifMatch, plan.version);
              if (!plan.tenant.equals(request.tenant())) {
                throw ProblemException.invalidField(
                    "tenant", "a plan stays with its client (" + plan.tenant + ")");
              }
              plan.version++;
              return resolve(request, plan, caller, now)
                  .chain(
                      view ->
                          clash(plan)
                              .chain(() -> revision(plan, "UPDATED", caller, now))
                              .call(Panache::flush)
                              .replaceWith(view));
            });
  }

  /** Deletes a plan with no active run; its runs and history stay. */
  @WithTransaction
  public Uni<Void> delete(UUID id, String ifMatch, Caller caller) {
    caller.requireOperator();
    Instant now = now();
    return visible(id, caller)
        .chain(
            plan -> {
              ETags.requireMatch(ifMatch, plan.version);
              return DrpRun.count("planId = ?1 and status in ?2", plan.id, RunStatus.activeOnes())
                  .chain(
                      active -> {
                        if (active > 0) {
                          throw ProblemException.conflict(
                              "plan "
                                  + plan.name
                                  + " has a run in progress: finish or abort it first");
                        }
                        plan.version++;
                        return revision(plan, "DELETED", caller, now)
                            .chain(plan::delete)
                            .call(Panache::flush);
                      });
            });
  }

  /** A plan the caller may see, else 404. */
  static Uni<DrpPlan> visible(UUID id, Caller caller) {
    return DrpPlan.<DrpPlan>findById(id)
        .map(p -> TenantScope.visibleOr404(p, p == null ? null : p.tenant, caller, WHAT, id));
  }

  DrpPlanView view(DrpPlan plan) {
    return read(plan.doc, DrpPlanView.class);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** Checks everything against the inventory, then fills the plan and its document. */
  private Uni<DrpPlanView> resolve(
      DrpPlanRequest request, DrpPlan plan, Caller caller, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    List<PolicyRequest.Target> targets = request.targets() == null ? List.of() : request.targets();
    return InventoryClient.byCode(request.tenant())
        .chain(
            client -> {
              if (client == null) {
                throw ProblemException.invalidField(
                    "tenant", "no client " + request.tenant() + " in the inventory");
              }
              return InventoryServer.<InventoryServer>findById(request.productionServerId());
            })
        .chain(
            production ->
                Targets.resolve(
                        new PolicyRequest.Target(TargetKind.SERVER, request.productionServerId()),
                        request.tenant())
                    .map(owned -> owned == null ? null : production))
        .chain(
            production ->
                InventoryServer.<InventoryServer>findById(request.recoveryServerId())
                    .chain(
                        recovery ->
                            resolveTargets(targets, request.tenant(), 0, new ArrayList<>())
                                .map(
                                    found ->
                                        fill(
                                            request,
                                            plan,
                                            production,
                                            recovery,
                                            targets,
                                            found,
                                            errors,
                                            caller,
                                            now))));
  }

  private Uni<List<Targets.Resolved>> resolveTargets(
      List<PolicyRequest.Target> targets, String tenant, int from, List<Targets.Resolved> found) {
    if (from == targets.size()) {
      return Uni.createFrom().item(found);
    }
    return Targets.resolve(targets.get(from), tenant)
        .chain(
            r -> {
              found.add(r);
              return resolveTargets(targets, tenant, from + 1, found);
            });
  }

  private DrpPlanView fill(
      DrpPlanRequest request,
      DrpPlan plan,
      InventoryServer production,
      InventoryServer recovery,
      List<PolicyRequest.Target> targets,
      List<Targets.Resolved> found,
      List<FieldError> errors,
      Caller caller,
      Instant now) {
    if (production == null) {
      errors.add(
          new FieldError(
              "productionServerId",
              "no server "
                  + request.productionServerId()
                  + " of client "
                  + request.tenant()
                  + " in the inventory"));
    }
    if (recovery == null) {
      errors.add(
          new FieldError(
              "recoveryServerId", "no server " + request.recoveryServerId() + " in the inventory"));
    }
    Set<String> productionSites = new TreeSet<>();
    List<DrpPlanView.Target> targetViews = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Targets.Resolved r = found.get(i);
      if (r == null) {
        errors.add(
            new FieldError(
                "targets[" + i + "].id", Targets.unknown(targets.get(i), request.tenant())));
      } else {
        productionSites.addAll(r.datacenters());
        targetViews.add(
            new DrpPlanView.Target(targets.get(i).kind(), targets.get(i).id(), r.name()));
      }
    }
    Problems.throwIfAny(errors);
    PlanCheck.Site prod = site(production);
    PlanCheck.Site rec = site(recovery);
    errors.addAll(PlanCheck.servers(prod, rec, productionSites));
    List<PlanStep> steps = PlanCheck.steps(request.steps(), prod, rec, errors);
    Problems.throwIfAny(errors);
    plan.tenant = request.tenant();
    plan.name = request.name().strip();
    plan.productionServerId = production.id;
    plan.recoveryServerId = recovery.id;
    plan.updatedAt = now;
    DrpPlanView view =
        new DrpPlanView(
            plan.id,
            plan.tenant,
            plan.name,
            server(production),
            server(recovery),
            targetViews,
            steps,
            plan.version,
            plan.createdAt,
            now,
            caller.name());
    plan.doc = write(view);
    return view;
  }

  private static PlanCheck.Site site(InventoryServer s) {
    return new PlanCheck.Site(s.hostname, s.datacenterCode, addresses(s));
  }

  private static DrpPlanView.Server server(InventoryServer s) {
    return new DrpPlanView.Server(s.id, s.hostname, s.datacenterCode, addresses(s));
  }

  private static List<String> addresses(InventoryServer s) {
    return s.publicIps == null || s.publicIps.isBlank()
        ? List.of()
        : Arrays.stream(s.publicIps.split(",")).map(String::strip).toList();
  }

  private Uni<Void> revision(DrpPlan plan, String change, Caller caller, Instant now) {
    DrpPlanRevision r = new DrpPlanRevision();
    r.id = Uuids.timeOrdered();
    r.planId = plan.id;
    r.version = plan.version;
    r.tenant = plan.tenant;
    r.change = change;
    r.changedAt = now;
    r.changedBy = caller.name();
    r.doc = write(new PlanRevisionView(r.version, change, now, r.changedBy, view(plan)));
    return r.persist().replaceWithVoid();
  }

  private static Uni<Void> clash(DrpPlan p) {
    return DrpPlan.count("tenant = ?1 and name = ?2 and id <> ?3", p.tenant, p.name, p.id)
        .map(
            n -> {
              if (n > 0) {
                throw ProblemException.conflict(
                    "client " + p.tenant + " already has a DRP plan named " + p.name);
              }
              return null;
            })
        .replaceWithVoid();
  }

  String write(Object document) {
    try {
      return json.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A DRP document cannot be written", e);
    }
  }

  <T> T read(String document, Class<T> type) {
    try {
      return json.readValue(document, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored DRP document does not read as " + type, e);
    }
  }
}
