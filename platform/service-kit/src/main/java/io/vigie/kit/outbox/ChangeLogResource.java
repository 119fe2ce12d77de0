package io.vigie.kit.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.tenancy.TenantScope;
import io.vigie.kit.web.Filter;
import io.vigie.kit.web.Page;
import io.vigie.kit.web.PageRequest;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

  private final CurrentCaller caller;
  private final ObjectMapper json;

  public ChangeLogResource(CurrentCaller caller, ObjectMapper json) {
    this.caller = caller;
    this.json = json;
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
      @Schema(
              implementation = Object.class,
              type = SchemaType.OBJECT,
              description = "The event as published on Kafka")
          JsonNode data) {}

  @GET
  @WithSession
  @RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "listChanges",
      summary = "Changes, newest first; filter by aggregate id, event type or actor")
  public Uni<Page<Change>> list(
      @QueryParam("aggregateId") @Size(max = 100) String aggregateId,
      @QueryParam("type") @Size(max = 200) String type,
      @QueryParam("actor") @Size(max = 200) String actor,
      @Valid @BeanParam PageRequest page) {
    Filter filter =
        Filter.where()
            .and("aggregateId = :aggregate", "aggregate", aggregateId)
            .and("eventType = :type", "type", type)
            .and("actor = :actor", "actor", actor);
    TenantScope.restrict(filter, caller.get(), "tenant");
    return Page.of(
        OutboxEvent.find(
            filter.query() + " order by occurredAt desc, id desc", filter.parameters()),
        page,
        e -> toChange((OutboxEvent) e));
  }

  private Change toChange(OutboxEvent event) {
    JsonNode data;
    try {
      data = json.readTree(event.payload);
    } catch (Exception e) {
      data = json.getNodeFactory().textNode(event.payload);
    }
    return new Change(
        event.id,
        event.eventType,
        event.aggregateId,
        event.tenant,
        event.actor,
        event.occurredAt,
        event.publishedAt,
        data);
  }
}
