package io.vigie.backup.repository;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.backup.inventory.InventoryClient;
import io.vigie.backup.inventory.InventoryDatacenter;
import io.vigie.kit.id.Uuids;
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
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Repositories: registered and changed by operators, read by staff and by the client a repository
 * belongs to (a shared repository is the hoster's own: staff only). The datacenter comes from the
 * inventory.
 */
@ApplicationScoped
public class RepositoryService {

  static final String WHAT = "Repository";

  /** Repositories by name, then id. */
  static final Keyset BY_NAME = Keyset.ascending("name", "text").then("id", "uuid");

  private final InstantSource clock;
  private final Reads reads;

  public RepositoryService(InstantSource clock, Reads reads) {
    this.clock = clock;
    this.reads = reads;
  }

  /** Filters of the repository list; any may be null. */
  public record RepositoryFilter(String tenant, String datacenter, RepositoryKind kind) {}

  /** A page of repositories, rendered by PostgreSQL ({@code repository_document}). */
  public Uni<Listing<RepositoryView>> list(RepositoryFilter f, PageRequest page, Caller caller) {
    SqlQuery query =
        SqlQuery.select("doc", "repository_document")
            .where("tenant = ?", f.tenant())
            .where("datacenter_code = ?", f.datacenter())
            .where("kind = ?", f.kind() == null ? null : f.kind().name())
            .keyset(BY_NAME);
    return reads.page(TenantScope.restrict(query, caller, "tenant = ?"), page);
  }

  /** One repository as the caller may see it (404 when it may not). */
  public Uni<RepositoryView> read(UUID id, Caller caller) {
    SqlQuery query = SqlQuery.select("doc", "repository_document").where("id = ?", id);
    return reads
        .one(TenantScope.restrict(query, caller, "tenant = ?"), RepositoryView.class)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound(WHAT, id));
  }

  @WithTransaction
  public Uni<RepositoryView> create(RepositoryRequest request, Caller caller) {
    caller.requireOperator();
    BackupRepository r = new BackupRepository();
    r.id = Uuids.timeOrdered();
    r.version = 1;
    r.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return fill(r, request).chain(() -> r.<BackupRepository>persist()).map(RepositoryView::of);
  }

  @WithTransaction
  public Uni<RepositoryView> update(
      UUID id, String ifMatch, RepositoryRequest request, Caller caller) {
    caller.requireOperator();
    return visible(id, caller)
        .chain(
            r -> {
              ETags.requireMatch(ifMatch, r.version);
              r.version++;
              return fill(r, request).map(RepositoryView::of);
            });
  }

  /** A repository the caller may see, else 404. */
  public static Uni<BackupRepository> visible(UUID id, Caller caller) {
    return BackupRepository.<BackupRepository>findById(id)
        .map(r -> TenantScope.visibleOr404(r, r == null ? null : r.tenant, caller, WHAT, id));
  }

  private Uni<BackupRepository> fill(BackupRepository r, RepositoryRequest request) {
    Uni<Void> tenantKnown =
        request.tenant() == null
            ? Uni.createFrom().voidItem()
            : InventoryClient.byCode(request.tenant())
                .invoke(
                    client -> {
                      if (client == null) {
                        throw ProblemException.invalidField(
                            "tenant", "no client " + request.tenant() + " in the inventory");
                      }
                    })
                .replaceWithVoid();
    return tenantKnown
        .chain(() -> InventoryDatacenter.<InventoryDatacenter>findById(request.datacenterId()))
        .chain(
            dc -> {
              if (dc == null) {
                throw ProblemException.invalidField(
                    "datacenterId",
                    "no datacenter " + request.datacenterId() + " in the inventory");
              }
              r.name = request.name().strip();
              r.kind = request.kind();
              r.location = request.location().strip();
              r.datacenterId = dc.id;
              r.datacenterCode = dc.code;
              r.tenant = request.tenant();
              r.passwordRef = request.passwordRef();
              r.capacityBytes = request.capacityBytes();
              r.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
              return BackupRepository.count(
                      "coalesce(tenant, '') = ?1 and name = ?2 and id <> ?3",
                      r.tenant == null ? "" : r.tenant,
                      r.name,
                      r.id)
                  .map(
                      clash -> {
                        if (clash > 0) {
                          throw ProblemException.conflict(
                              "a repository named " + r.name + " already exists");
                        }
                        return r;
                      });
            });
  }
}
