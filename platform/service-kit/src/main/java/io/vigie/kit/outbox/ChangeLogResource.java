package io.vigie.kit.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.read.Keyset;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.read.Reads;
import io.vigie.kit.read.SqlQuery;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.tenancy.TenantScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The service's change log: every event it recorded, who caused it and when it reached Kafka,
 * newest first. Published rows are kept {@code vigie.outbox.retention} (30 days by default).
 * Clients read the changes of their own tenant.
 */
@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Change log", description = "Audit history of every change, from the outbox")
public class ChangeLogResource {

  private static final String DOCUMENT =
      "(select to_json(r) from (select id, event_type as type, aggregate_id as \"aggregateId\","
          + " tenant, actor, json_instant(occurred_at) as \"occurredAt\","
          + " json_instant(published_at) as \"publishedAt\", payload::json as data) r)";

  private static final Keyset NEWEST_FIRST = Keyset.descending("seq", "bigint");

  private final CurrentCaller caller;
  private final Reads reads;

  public ChangeLogResource(CurrentCaller caller, Reads reads) {
    this.caller = caller;
    this.reads = reads;
  }

  /** One recorded change. */
  public record Change(
      UUID id,
      String type,
      String aggregateId,
      String tenant,
      String actor,
      Instant occurredAt,
      Instant publishedAt,
      JsonNode data) {}

  @GET
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(summary = "Changes, newest first; filter by aggregate id, event type or actor")
  public Uni<Listing<Change>> list(
      @QueryParam("aggregateId") @Size(max = 100) String aggregateId,
      @QueryParam("type") @Size(max = 200) String type,
      @QueryParam("actor") @Size(max = 200) String actor,
      @Valid @BeanParam PageRequest page) {
    SqlQuery query =
        SqlQuery.select(DOCUMENT, "outbox_event")
            .where("aggregate_id = ?", aggregateId)
            .where("event_type = ?", type)
            .where("actor = ?", actor)
            .keyset(NEWEST_FIRST);
    return reads.page(TenantScope.restrict(query, caller.get(), "tenant = ?"), page);
  }
}
