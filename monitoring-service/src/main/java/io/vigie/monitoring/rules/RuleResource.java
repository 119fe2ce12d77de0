package io.vigie.monitoring.rules;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.ETags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Alert rules: read by staff, changed by operators; clients and agents have no say here. */
@Path("/api/v1/alert-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Alert rules", description = "Rules on ingested metrics and on check results")
@RolesAllowed({Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class RuleResource {

  private final RuleService rules;
  private final CurrentCaller caller;

  public RuleResource(RuleService rules, CurrentCaller caller) {
    this.rules = rules;
    this.caller = caller;
  }

  @GET
  @Operation(summary = "List rules, by name; ?kind=METRIC|CHECK, ?enabled=")
  public Uni<Listing<RuleService.RuleView>> list(
      @QueryParam("kind") RuleDefinition.Kind kind,
      @QueryParam("enabled") Boolean enabled,
      @Valid @BeanParam PageRequest page) {
    return rules.list(kind, enabled, page);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Read a rule (with its ETag)")
  public Uni<Response> get(@PathParam("id") UUID id) {
    return rules.find(id).map(RuleResource::ok);
  }

  @GET
  @Path("/{id}/revisions")
  @Operation(summary = "Every version of a rule: who changed what, when")
  public Uni<List<RuleService.Revision>> revisions(@PathParam("id") UUID id) {
    return rules.revisions(id);
  }

  @POST
  @Operation(summary = "Create a rule")
  public Uni<Response> create(@Valid @NotNull RuleDefinition definition) {
    caller.get().requireOperator();
    return rules
        .create(definition, caller.get().name())
        .map(
            rule ->
                Response.created(URI.create("/api/v1/alert-rules/" + rule.id))
                    .entity(RuleService.view(rule))
                    .tag(ETags.of(rule.version))
                    .build());
  }

  @PUT
  @Path("/{id}")
  @Operation(summary = "Replace a rule (If-Match required); it applies from the next evaluation")
  public Uni<Response> update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull RuleDefinition definition) {
    caller.get().requireOperator();
    return rules.update(id, ifMatch, definition, caller.get().name()).map(RuleResource::ok);
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete a rule (If-Match required); default-pack rules are disabled instead")
  public Uni<Response> delete(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    caller.get().requireOperator();
    return rules.delete(id, ifMatch, caller.get().name()).replaceWith(Response.noContent().build());
  }

  private static Response ok(AlertRule rule) {
    return Response.ok(RuleService.view(rule)).tag(ETags.of(rule.version)).build();
  }
}
