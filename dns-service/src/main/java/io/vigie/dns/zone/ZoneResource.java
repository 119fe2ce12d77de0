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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Clients' zones: staff read all and engineers change any; a client reads and changes its own
 * within its record quota; agents nothing. Every change can be planned first: each change operation
 * has a plan operation beside it ({@code POST .../plan}, {@code .../removal-plan}) that takes the
 * same input, answers the plan for Vigie and each provider, and changes nothing.
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
              + " apply it to its providers; honours Idempotency-Key (planZone answers the plan"
              + " first)")
  public Uni<RestResponse<ZoneViews.ZoneView>> create(
      @HeaderParam(IdempotencyKeys.HEADER) String key,
      @Valid @NotNull ZoneRequests.NewZone request) {
    return withTransfer(request)
        .chain(
            complete ->
                idempotency
                    .create(
                        key,
                        caller.get(),
                        "POST /api/v1/zones",
                        complete,
                        () ->
                            zones
                                .create(complete, caller.get())
                                .map(
                                    v ->
                                        new Created<>(
                                            URI.create("/api/v1/zones/" + v.id()), v, v.version())))
                    .call(response -> sync.apply(idOf(response))));
  }

  @POST
  @Path("/plan")
  @Operation(
      operationId = "planZone",
      summary =
          "What creating this zone would store and send to each provider (the plan), changing"
              + " nothing: the body createZone takes")
  public Uni<ZoneViews.ZonePlan> planCreate(@Valid @NotNull ZoneRequests.NewZone request) {
    return withTransfer(request)
        .chain(complete -> zones.planCreate(complete, caller.get()))
        .chain(this::plan);
  }

  /** The request with the zone file taken by AXFR when it asks for a transfer (staff only). */
  private Uni<ZoneRequests.NewZone> withTransfer(ZoneRequests.NewZone request) {
    if (request.axfr() == null) {
      return Uni.createFrom().item(request);
    }
    if (!caller.get().canOperate()) {
      throw io.vigie.kit.problem.ProblemException.forbidden(
          "Only engineers, experts and admins import zones by transfer");
    }
    if (request.zoneFile() != null) {
      throw io.vigie.kit.problem.ProblemException.invalidField(
          "zoneFile", "give a zone file or axfr, not both");
    }
    return sync.transfer(DnsNames.zone("name", request.name()), request.axfr())
        .map(request::withZoneFile);
  }

  @PUT
  @Path("/{id}/record-sets")
  @Operation(
      operationId = "replaceZoneRecordSets",
      summary =
          "Replace the zone's record sets (If-Match required) and apply them (planZoneRecordSets"
              + " answers the plan first)")
  public Uni<RestResponse<ZoneViews.ZoneView>> change(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull ZoneRequests.RecordSetsChange change) {
    return zones
        .change(id, ifMatch, change, caller.get())
        .call(zone -> sync.apply(zone.id))
        .chain(zone -> zones.read(zone.id, caller.get()))
        .map(ZoneResource::ok);
  }

  @POST
  @Path("/{id}/record-sets/plan")
  @Operation(
      operationId = "planZoneRecordSets",
      summary =
          "What replacing the zone's record sets would change, for Vigie and on each provider,"
              + " changing nothing: the body replaceZoneRecordSets takes")
  public Uni<ZoneViews.ZonePlan> planChange(
      @PathParam("id") UUID id, @Valid @NotNull ZoneRequests.RecordSetsChange change) {
    return zones.planChange(id, change, caller.get()).chain(this::plan);
  }

  @PUT
  @Path("/{id}/record-sets/{name}/{type}")
  @Operation(
      operationId = "putZoneRecordSet",
      summary =
          "Set one record set (owner relative to the zone, @ for the apex, and type; If-Match on"
              + " the zone required) and apply it (planZoneRecordSet answers the plan first)")
  public Uni<RestResponse<ZoneViews.ZoneView>> putRecordSet(
      @PathParam("id") UUID id,
      @PathParam("name") @Size(max = 253) String name,
      @PathParam("type") @Size(max = 10) String type,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull ZoneRequests.RecordSetBody body) {
    return zones
        .changeOne(id, ifMatch, name, type, body, body.reason(), caller.get())
        .call(zone -> sync.apply(zone.id))
        .chain(zone -> zones.read(zone.id, caller.get()))
        .map(ZoneResource::ok);
  }

  @POST
  @Path("/{id}/record-sets/{name}/{type}/plan")
  @Operation(
      operationId = "planZoneRecordSet",
      summary =
          "What setting one record set would change, for Vigie and on each provider, changing"
              + " nothing: the body putZoneRecordSet takes")
  public Uni<ZoneViews.ZonePlan> planRecordSet(
      @PathParam("id") UUID id,
      @PathParam("name") @Size(max = 253) String name,
      @PathParam("type") @Size(max = 10) String type,
      @Valid @NotNull ZoneRequests.RecordSetBody body) {
    return zones.planOne(id, name, type, body, caller.get()).chain(this::plan);
  }

  @DELETE
  @Path("/{id}/record-sets/{name}/{type}")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "deleteZoneRecordSet",
      summary =
          "Remove one record set (If-Match on the zone required) from Vigie and every provider"
              + " (planZoneRecordSetRemoval answers the plan first)")
  public Uni<RestResponse<ZoneViews.ZoneView>> deleteRecordSet(
      @PathParam("id") UUID id,
      @PathParam("name") @Size(max = 253) String name,
      @PathParam("type") @Size(max = 10) String type,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @QueryParam("reason") @Size(max = 500) String reason) {
    return zones
        .changeOne(id, ifMatch, name, type, null, reason, caller.get())
        .call(zone -> sync.apply(zone.id))
        .chain(zone -> zones.read(zone.id, caller.get()))
        .map(ZoneResource::ok);
  }

  @POST
  @Path("/{id}/record-sets/{name}/{type}/removal-plan")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "planZoneRecordSetRemoval",
      summary =
          "What removing one record set would change, for Vigie and on each provider, changing"
              + " nothing")
  public Uni<ZoneViews.ZonePlan> planRecordSetRemoval(
      @PathParam("id") UUID id,
      @PathParam("name") @Size(max = 253) String name,
      @PathParam("type") @Size(max = 10) String type) {
    return zones.planOne(id, name, type, null, caller.get()).chain(this::plan);
  }

  @DELETE
  @Path("/{id}")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "deleteZone",
      summary =
          "Delete a zone (If-Match required): removed from every provider, its audit trail kept"
              + " (planZoneRemoval answers what would be removed first)")
  @APIResponse(
      responseCode = "204",
      description = "Deleted; the providers' removal is retried until done")
  public Uni<RestResponse<Void>> delete(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @QueryParam("reason") @Size(max = 500) String reason) {
    return zones
        .delete(id, ifMatch, reason, caller.get())
        .call(zone -> sync.apply(zone.id))
        .map(zone -> RestResponse.<Void>noContent());
  }

  @POST
  @Path("/{id}/removal-plan")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "planZoneRemoval",
      summary = "What deleting the zone would remove from each provider, changing nothing")
  public Uni<ZoneViews.ZonePlan> planDelete(@PathParam("id") UUID id) {
    return zones.planDelete(id, caller.get()).chain(this::plan);
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

  private Uni<ZoneViews.ZonePlan> plan(ZoneService.Planned planned) {
    return sync.preview(planned.name(), planned.providers(), planned.desired())
        .map(
            providers ->
                new ZoneViews.ZonePlan(
                    planned.name().toString(),
                    planned.serial(),
                    planned.plan().changes().stream().map(ZoneViews.RecordSetChange::of).toList(),
                    providers));
  }

  private static UUID idOf(RestResponse<?> response) {
    String path = response.getLocation().getPath();
    return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
  }

  private static RestResponse<ZoneViews.ZoneView> ok(ZoneViews.ZoneView zone) {
    return ETags.ok(zone, zone.version());
  }
}
