package io.vigie.monitoring.rules;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.tenancy.CurrentCaller;
import io.vigie.kit.tenancy.Roles;
import io.vigie.kit.web.Created;
import io.vigie.kit.web.ETags;
import io.vigie.kit.web.Page;
import io.vigie.kit.web.PageRequest;
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
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

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
  @Operation(
      operationId = "listAlertRules",
      summary = "List rules, by name; ?kind=METRIC|CHECK, ?enabled=")
  public Uni<Page<RuleService.RuleView>> list(
      @QueryParam("kind") RuleDefinition.Kind kind,
      @QueryParam("enabled") Boolean enabled,
      @Valid @BeanParam PageRequest page) {
    return rules.list(kind, enabled, page);
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getAlertRule", summary = "Read a rule (with its ETag)")
  public Uni<RestResponse<RuleService.RuleView>> get(@PathParam("id") UUID id) {
    return rules.find(id).map(RuleResource::ok);
  }

  @GET
  @Path("/{id}/revisions")
  @Operation(
      operationId = "listAlertRuleRevisions",
      summary = "Every version of a rule: who changed what, when")
  public Uni<List<RuleService.Revision>> revisions(@PathParam("id") UUID id) {
    return rules.revisions(id);
  }

  @POST
  @Operation(operationId = "createAlertRule", summary = "Create a rule")
  @APIResponseSchema(
      value = RuleService.RuleView.class,
      responseCode = "201",
      responseDescription = "Created")
  public Uni<RestResponse<RuleService.RuleView>> create(@Valid @NotNull RuleDefinition definition) {
    caller.get().requireOperator();
    return rules
        .create(definition, caller.get().name())
        .map(
            rule ->
                new Created<>(
                        URI.create("/api/v1/alert-rules/" + rule.id),
                        RuleService.view(rule),
                        rule.version)
                    .response());
  }

  @PUT
  @Path("/{id}")
  @Operation(
      operationId = "replaceAlertRule",
      summary = "Replace a rule (If-Match required); it applies from the next evaluation")
  public Uni<RestResponse<RuleService.RuleView>> update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull RuleDefinition definition) {
    caller.get().requireOperator();
    return rules.update(id, ifMatch, definition, caller.get().name()).map(RuleResource::ok);
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "deleteAlertRule",
      summary = "Delete a rule (If-Match required); default-pack rules are disabled instead")
  public Uni<RestResponse<Void>> delete(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    caller.get().requireOperator();
    return rules.delete(id, ifMatch, caller.get().name()).replaceWith(RestResponse.noContent());
  }

  private static RestResponse<RuleService.RuleView> ok(AlertRule rule) {
    return ETags.ok(RuleService.view(rule), rule.version);
  }
}
