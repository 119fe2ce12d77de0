package io.vigie.backup.coverage;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigie.backup.drp.DrpPlan;
import io.vigie.backup.inventory.InventoryClient;
import io.vigie.backup.inventory.InventoryGuest;
import io.vigie.backup.inventory.InventoryHostedService;
import io.vigie.backup.inventory.InventoryServer;
import io.vigie.backup.policy.BackupPolicy;
import io.vigie.backup.policy.PolicyCopy;
import io.vigie.backup.repository.BackupRepository;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Builds each client's estate from the read model and reports its gaps ({@link CoverageCheck}): for
 * staff across clients, for a client its own. A client's own servers are those only its hosted
 * services run on and that host no VM (a shared web server or a hypervisor is the hoster's).
 */
@ApplicationScoped
public class CoverageService {

  static final String WHAT = "Client";

  private final InstantSource clock;

  public CoverageService(InstantSource clock) {
    this.clock = clock;
  }

  /** Every client the caller sees, or the one of {@code tenant}, with its gaps. */
  @WithSession
  public Uni<CoverageReport> report(String tenant, Caller caller) {
    Uni<List<InventoryClient>> clients;
    if (caller.isStaff()) {
      clients =
          tenant == null
              ? InventoryClient.<InventoryClient>list("order by code")
              : InventoryClient.<InventoryClient>list("code", tenant);
    } else if (caller.isClient() && (tenant == null || tenant.equals(caller.tenant()))) {
      clients = InventoryClient.<InventoryClient>list("code", caller.tenant());
    } else {
      clients = Uni.createFrom().item(List.of());
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return clients
        .chain(list -> each(list, 0, new ArrayList<>()))
        .map(list -> new CoverageReport(now, list));
  }

  /** One client's coverage; another client's or an unknown tenant answers 404. */
  @WithSession
  public Uni<CoverageReport.ClientCoverage> client(String tenant, Caller caller) {
    return InventoryClient.byCode(tenant)
        .chain(
            c -> {
              if (c == null || !caller.sees(c.code)) {
                throw ProblemException.notFound(WHAT, tenant);
              }
              return coverage(c);
            });
  }

  private Uni<List<CoverageReport.ClientCoverage>> each(
      List<InventoryClient> clients, int from, List<CoverageReport.ClientCoverage> out) {
    if (from == clients.size()) {
      return Uni.createFrom().item(out);
    }
    return coverage(clients.get(from))
        .chain(
            c -> {
              out.add(c);
              return each(clients, from + 1, out);
            });
  }

  private Uni<CoverageReport.ClientCoverage> coverage(InventoryClient c) {
    return estate(c)
        .chain(
            estate ->
                CoverageGap.<CoverageGap>list("tenant", c.code)
                    .map(
                        recorded -> {
                          Map<String, Instant> since = new HashMap<>();
                          recorded.forEach(g -> since.put(g.kind + "/" + g.subjectId, g.foundAt));
                          List<CoverageReport.GapView> gaps =
                              CoverageCheck.gaps(estate).stream()
                                  .map(
                                      g ->
                                          new CoverageReport.GapView(
                                              g.kind(),
                                              g.subject().kind(),
                                              g.subject().id(),
                                              g.subject().name(),
                                              g.promised(),
                                              g.actual(),
                                              since.get(g.kind() + "/" + g.subject().id())))
                                  .toList();
                          return new CoverageReport.ClientCoverage(
                              c.code, c.name, c.copies, c.distinctSites, c.drpRpo(), gaps);
                        }));
  }

  /** The client's estate as the read model holds it; runs in the caller's session. */
  static Uni<CoverageCheck.Estate> estate(InventoryClient c) {
    CoverageCheck.Terms terms =
        new CoverageCheck.Terms(
            c.databaseEveryHours,
            c.databaseRetentionDays,
            c.filesRetentionDays,
            c.copies,
            c.distinctSites,
            c.drpRpo());
    CoverageCheck.Subject client = new CoverageCheck.Subject("CLIENT", c.id, c.name);
    return InventoryGuest.<InventoryGuest>list("tenant = ?1 order by name", c.code)
        .chain(
            guests ->
                InventoryHostedService.<InventoryHostedService>list(
                        "tenant = ?1 order by name", c.code)
                    .chain(
                        services ->
                            ownServers(c.code, services)
                                .chain(
                                    servers -> {
                                      List<CoverageCheck.Subject> files = new ArrayList<>();
                                      servers.forEach(
                                          s ->
                                              files.add(
                                                  new CoverageCheck.Subject(
                                                      "SERVER", s.id, s.hostname)));
                                      guests.forEach(
                                          g ->
                                              files.add(
                                                  new CoverageCheck.Subject(
                                                      "VIRTUAL_MACHINE", g.id, g.name)));
                                      List<CoverageCheck.Subject> databases =
                                          services.stream()
                                              .filter(s -> "DATABASE".equals(s.kind))
                                              .map(
                                                  s ->
                                                      new CoverageCheck.Subject(
                                                          "HOSTED_SERVICE", s.id, s.name))
                                              .toList();
                                      return policies(c.code)
                                          .chain(
                                              policies ->
                                                  DrpPlan.count("tenant", c.code)
                                                      .map(
                                                          plans ->
                                                              new CoverageCheck.Estate(
                                                                  client, terms, files, databases,
                                                                  policies, plans)));
                                    })));
  }

  private static Uni<List<InventoryServer>> ownServers(
      String tenant, List<InventoryHostedService> services) {
    Set<UUID> candidates = new LinkedHashSet<>();
    services.forEach(s -> candidates.addAll(s.servers()));
    if (candidates.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return InventoryHostedService.<InventoryHostedService>list("tenant <> ?1", tenant)
        .chain(
            others -> {
              others.forEach(o -> o.servers().forEach(candidates::remove));
              return InventoryGuest.<InventoryGuest>list(
                      "hostServerId in ?1", List.copyOf(candidates))
                  .chain(
                      guests -> {
                        guests.forEach(g -> candidates.remove(g.hostServerId));
                        if (candidates.isEmpty()) {
                          return Uni.createFrom().item(List.<InventoryServer>of());
                        }
                        return InventoryServer.<InventoryServer>list(
                                "id in ?1", List.copyOf(candidates))
                            .map(
                                list ->
                                    list.stream()
                                        .sorted(Comparator.comparing(s -> s.hostname))
                                        .toList());
                      });
            });
  }

  private static Uni<List<CoverageCheck.Policy>> policies(String tenant) {
    return BackupPolicy.<BackupPolicy>list("tenant = ?1 order by name", tenant)
        .chain(
            policies -> {
              if (policies.isEmpty()) {
                return Uni.createFrom().item(List.<CoverageCheck.Policy>of());
              }
              List<UUID> ids = policies.stream().map(p -> p.id).toList();
              return PolicyCopy.<PolicyCopy>list("policyId in ?1 order by position", ids)
                  .chain(
                      copies ->
                          BackupRepository.<BackupRepository>list(
                                  "id in ?1", copies.stream().map(x -> x.repositoryId).toList())
                              .map(
                                  repos -> {
                                    Map<UUID, String> site = new HashMap<>();
                                    repos.forEach(r -> site.put(r.id, r.datacenterCode));
                                    return policies.stream()
                                        .map(
                                            p ->
                                                new CoverageCheck.Policy(
                                                    p.id,
                                                    p.name,
                                                    p.kind,
                                                    p.targetKind.name(),
                                                    p.targetId,
                                                    copies.stream()
                                                        .filter(x -> x.policyId.equals(p.id))
                                                        .map(
                                                            x ->
                                                                site.getOrDefault(
                                                                    x.repositoryId, "?"))
                                                        .toList()))
                                        .toList();
                                  }));
            });
  }
}
