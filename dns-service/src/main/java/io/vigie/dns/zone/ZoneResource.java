package io.vigie.dns.zone;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.Created;
import io.vigie.kit.web.ETags;
import io.vigie.kit.web.IdempotencyKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Clients' zones: staff read all and engineers change any; a client reads and changes its own
 * within its record quota; agents nothing. Every change can be planned first with {@code
 * ?dryRun=true}.
 */
@Path("/api/v1/zones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLIENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
@Tag(
    name = "Zones",
    description = "DNS zones and record sets, applied to the authoritative servers")
public class ZoneResource {

  private final ZoneService zones;
  private final ZoneSync sync;
  private final IdempotencyKeys idempotency;
  private final CurrentCaller caller;

  public ZoneResource(
      ZoneService zones, ZoneSync sync, IdempotencyKeys idempotency, CurrentCaller caller) {
    this.zones = zones;
    this.sync = sync;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @GET
  @Operation(
      operationId = "listZones",
      summary = "List zones by name; ?tenant= and ?name= (contains) narrow it")
  public Uni<Listing<ZoneViews.ZoneView>> list(
      @QueryParam("tenant") @Size(max = 40) String tenant,
      @QueryParam("name") @Size(max = 253) String name,
      @Valid @BeanParam PageRequest page) {
    return zones.list(tenant, name, page, caller.get());
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getZone",
      summary = "Read a zone with its record sets and each provider's state (ETag)")
  public Uni<RestResponse<ZoneViews.ZoneView>> get(@PathParam("id") UUID id) {
    return zones.read(id, caller.get()).map(ZoneResource::ok);
  }

  @POST
  @Operation(
      operationId = "createZone",
      summary =
          "Create a zone (from record sets, the hoster's template, a zone file or a transfer) and"
              + " apply it to its providers; ?dryRun=true answers the plan only; honours"
              + " Idempotency-Key")
  @APIResponse(
      responseCode = "201",
      description = "The zone as created; its providers' states follow on GET",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ZoneViews.ZoneView.class)))
  @APIResponse(
      responseCode = "200",
      description = "With dryRun=true: the plan, nothing stored or sent",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ZoneViews.ZonePlan.class)))
  public Uni<RestResponse<Object>> create(
      @HeaderParam(IdempotencyKeys.HEADER) String key,
      @QueryParam("dryRun") boolean dryRun,
      @Valid @NotNull ZoneRequests.NewZone request) {
    if (request.axfr() != null) {
      if (!caller.get().canOperate()) {
        throw io.vigie.kit.problem.ProblemException.forbidden(
            "Only engineers, experts and admins import zones by transfer");
      }
      if (request.zoneFile() != null) {
        throw io.vigie.kit.problem.ProblemException.invalidField(
            "zoneFile", "give a zone file or axfr, not both");
      }
      return sync.transfer(DnsNames.zone("name", request.name()), request.axfr())
          .chain(text -> create(key, dryRun, request.withZoneFile(text)));
    }
    if (dryRun) {
      return zones.planCreate(request, caller.get()).chain(this::plan);
    }
    return idempotency
        .create(
            key,
            caller.get(),
            "POST /api/v1/zones",
            request,
            () ->
                zones
                    .create(request, caller.get())
                    .map(v -> new Created<>(URI.create("/api/v1/zones/" + v.id()), v, v.version())))
        .call(response -> sync.apply(idOf(response)))
        .map(ZoneResource::untyped);
  }

  @PUT
  @Path("/{id}/record-sets")
  @Operation(
      operationId = "replaceZoneRecordSets",
      summary =
          "Replace the zone's record sets (If-Match required) and apply them; ?dryRun=true answers"
              + " the plan for Vigie and for each provider, changing nothing")
  @APIResponse(
      responseCode = "200",
      description = "The zone after the change, or with dryRun=true the plan",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(oneOf = {ZoneViews.ZoneView.class, ZoneViews.ZonePlan.class})))
  public Uni<RestResponse<Object>> change(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @QueryParam("dryRun") boolean dryRun,
      @Valid @NotNull ZoneRequests.RecordSetsChange change) {
    if (dryRun) {
      return zones.planChange(id, change, caller.get()).chain(this::plan);
    }
    return zones
        .change(id, ifMatch, change, caller.get())
        .call(zone -> sync.apply(zone.id))
        .chain(zone -> zones.read(zone.id, caller.get()))
        .map(ZoneResource::ok)
        .map(ZoneResource::untyped);
  }

  @PUT
  @Path("/{id}/record-sets/{name}/{type}")
  @Operation(
      operationId = "putZoneRecordSet",
      summary =
          "Set one record set (owner relative to the zone, @ for the apex, and type; If-Match on"
              + " the zone required) and apply it; ?dryRun=true answers the plan, changing nothing")
  @APIResponse(
      responseCode = "200",
      description = "The zone after the change, or with dryRun=true the plan",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(oneOf = {ZoneViews.ZoneView.class, ZoneViews.ZonePlan.class})))
  public Uni<RestResponse<Object>> putRecordSet(
      @PathParam("id") UUID id,
      @PathParam("name") @Size(max = 253) String name,
      @PathParam("type") @Size(max = 10) String type,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @QueryParam("dryRun") boolean dryRun,
      @Valid @NotNull ZoneRequests.RecordSetBody body) {
    if (dryRun) {
      return zones.planOne(id, name, type, body, caller.get()).chain(this::plan);
    }
    return zones
        .changeOne(id, ifMatch, name, type, body, body.reason(), caller.get())
        .call(zone -> sync.apply(zone.id))
        .chain(zone -> zones.read(zone.id, caller.get()))
        .map(ZoneResource::ok)
        .map(ZoneResource::untyped);
  }

  @DELETE
  @Path("/{id}/record-sets/{name}/{type}")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "deleteZoneRecordSet",
      summary =
          "Remove one record set (If-Match on the zone required) from Vigie and every provider;"
              + " ?dryRun=true answers the plan, changing nothing")
  @APIResponse(
      responseCode = "200",
      description = "The zone after the change, or with dryRun=true the plan",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(oneOf = {ZoneViews.ZoneView.class, ZoneViews.ZonePlan.class})))
  public Uni<RestResponse<Object>> deleteRecordSet(
      @PathParam("id") UUID id,
      @PathParam("name") @Size(max = 253) String name,
      @PathParam("type") @Size(max = 10) String type,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @QueryParam("dryRun") boolean dryRun,
      @QueryParam("reason") @Size(max = 500) String reason) {
    if (dryRun) {
      return zones.planOne(id, name, type, null, caller.get()).chain(this::plan);
    }
    return zones
        .changeOne(id, ifMatch, name, type, null, reason, caller.get())
        .call(zone -> sync.apply(zone.id))
        .chain(zone -> zones.read(zone.id, caller.get()))
        .map(ZoneResource::ok)
        .map(ZoneResource::untyped);
  }

  @DELETE
  @Path("/{id}")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "deleteZone",
      summary =
          "Delete a zone (If-Match required): removed from every provider, its audit trail kept;"
              + " ?dryRun=true answers what would be removed, changing nothing")
  @APIResponse(
      responseCode = "204",
      description = "Deleted; the providers' removal is retried until done")
  @APIResponse(
      responseCode = "200",
      description = "With dryRun=true: the plan, nothing stored or sent",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ZoneViews.ZonePlan.class)))
  public Uni<RestResponse<Object>> delete(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @QueryParam("dryRun") boolean dryRun,
      @QueryParam("reason") @Size(max = 500) String reason) {
    if (dryRun) {
      return zones.planDelete(id, caller.get()).chain(this::plan);
    }
    return zones
        .delete(id, ifMatch, reason, caller.get())
        .call(zone -> sync.apply(zone.id))
        .map(zone -> RestResponse.noContent());
  }

  @GET
  @Path("/{id}/history")
  @Operation(
      operationId = "listZoneChanges",
      summary = "Who changed the zone, when, why, before and after; newest first")
  public Uni<Listing<ZoneViews.ZoneChangeView>> history(
      @PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
    return zones.history(id, page, caller.get());
  }

  @GET
  @Path("/{id}/zone-file")
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(operationId = "exportZoneFile", summary = "Export the zone as an RFC 1035 zone file")
  public Uni<String> zoneFile(@PathParam("id") UUID id) {
    return zones.zoneFile(id, caller.get(), sync.soa());
  }

  @POST
  @Path("/{id}/drift-check")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "checkZoneDrift",
      summary =
          "Read every provider's copy and report how it differs; a difference marks the provider"
              + " DRIFTED and publishes DriftFound")
  public Uni<ZoneViews.DriftReport> driftCheck(@PathParam("id") UUID id) {
    return zones.writable(id, caller.get()).chain(zone -> sync.drift(zone.id));
  }

  @POST
  @Path("/{id}/apply")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "applyZone",
      summary = "Bring every provider to the zone as held (reconcile); idempotent")
  public Uni<RestResponse<ZoneViews.ZoneView>> apply(@PathParam("id") UUID id) {
    return zones
        .writable(id, caller.get())
        .call(zone -> sync.apply(zone.id))
        .chain(zone -> zones.read(zone.id, caller.get()))
        .map(ZoneResource::ok);
  }

  private Uni<RestResponse<Object>> plan(ZoneService.Planned planned) {
    return sync.preview(planned.name(), planned.providers(), planned.desired())
        .map(
            providers ->
                RestResponse.ok(
                    new ZoneViews.ZonePlan(
                        planned.name().toString(),
                        planned.serial(),
                        planned.plan().changes().stream()
                            .map(ZoneViews.RecordSetChange::of)
                            .toList(),
                        providers)));
  }

  private static UUID idOf(RestResponse<?> response) {
    String path = response.getLocation().getPath();
    return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
  }

  private static RestResponse<ZoneViews.ZoneView> ok(ZoneViews.ZoneView zone) {
    return ETags.ok(zone, zone.version());
  }

  /** The same answer, typed for an operation that answers a zone or a plan. */
  @SuppressWarnings("unchecked")
  private static RestResponse<Object> untyped(RestResponse<?> response) {
    return (RestResponse<Object>) response;
  }
}
