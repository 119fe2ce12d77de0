package io.vigie.console.intervention;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vigie.console.ServiceCalls;
import io.vigie.console.Viewer;
import io.vigie.console.Viewers;
import io.vigie.console.VigieService;
import io.vigie.console.api.ConsentView;
import io.vigie.console.api.InterventionView;
import io.vigie.console.web.Redirects;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A planned intervention, and the client's answer to it (accept or decline, with a reason). */
@Path("/interventions")
public class InterventionResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance intervention(
        Viewer viewer, InterventionView intervention, ConsentView myConsent);
  }

  private final Viewers viewers;
  private final ServiceCalls calls;

  public InterventionResource(Viewers viewers, ServiceCalls calls) {
    this.viewers = viewers;
    this.calls = calls;
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance intervention(@PathParam("id") UUID id) {
    Viewer viewer = viewers.current();
    InterventionView intervention =
        calls.get(
            VigieService.TICKET,
            "/api/v1/interventions/" + id,
            viewer.accessToken(),
            InterventionView.class);
    ConsentView mine =
        viewer.tenant() == null || intervention.consents() == null
            ? null
            : intervention.consents().stream()
                .filter(c -> viewer.tenant().equals(c.tenant()))
                .findFirst()
                .orElse(null);
    return Templates.intervention(viewer, intervention, mine).setLocale(viewer.locale());
  }

  @POST
  @Path("/{id}/consent")
  public Response answer(
      @PathParam("id") UUID id,
      @FormParam("answer") String answer,
      @FormParam("reason") String reason,
      @FormParam("csrf") String csrf) {
    Viewer viewer = viewers.posting(csrf);
    Map<String, Object> consent = new HashMap<>();
    consent.put("answer", answer);
    if (reason != null && !reason.isBlank()) {
      consent.put("reason", reason.strip());
    }
    calls.send(
        VigieService.TICKET,
        "POST",
        "/api/v1/interventions/" + id + "/consent",
        consent,
        Map.of(),
        viewer.accessToken(),
        InterventionView.class);
    return Redirects.seeOther("/interventions/" + id);
  }
}
