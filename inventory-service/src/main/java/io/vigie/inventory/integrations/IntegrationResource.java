package io.vigie.inventory.integrations;

import io.smallrye.mutiny.Uni;
import io.vigie.inventory.integrations.IntegrationExports.SdTarget;
import io.vigie.inventory.reports.ReportService;
import io.vigie.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The inventory as Prometheus and Ansible read it, so their host lists never drift. */
@Path("/api/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Integrations",
    description = "Exports for Prometheus service discovery and Ansible dynamic inventory")
@RolesAllowed({Roles.AGENT, Roles.SUPPORT, Roles.ENGINEER, Roles.EXPERT, Roles.ADMIN})
public class IntegrationResource {

  private final ReportService reports;

  public IntegrationResource(ReportService reports) {
    this.reports = reports;
  }

  @GET
  @Path("/prometheus/targets")
  @Operation(
      operationId = "getPrometheusTargets",
      summary =
          "Prometheus HTTP service discovery: active and in-maintenance servers and their guests,"
              + " labelled by datacenter, role and client")
  public Uni<List<SdTarget>> prometheusTargets(
      @QueryParam("port") @DefaultValue("9100") @Min(1) @Max(65535) int port) {
    return reports
        .integrations()
        .map(
            in ->
                IntegrationExports.prometheusTargets(
                    in.servers(), in.clientCodesByServer(), in.guests(), port));
  }

  @GET
  @Path("/ansible/inventory")
  @Operation(
      operationId = "getAnsibleInventory",
      summary =
          "Ansible dynamic inventory (the --list shape): groups per datacenter, role, client and"
              + " status, with host variables")
  public Uni<Map<String, Object>> ansibleInventory() {
    return reports
        .integrations()
        .map(
            in ->
                IntegrationExports.ansibleInventory(
                    in.servers(), in.clientCodesByServer(), in.guests()));
  }
}
