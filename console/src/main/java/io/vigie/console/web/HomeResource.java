package io.vigie.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vigie.console.Languages;
import io.vigie.console.Viewer;
import io.vigie.console.Viewers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The start page: the wall for the hoster's staff, their window for a client. */
@Path("/")
public class HomeResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance signedOut(String language);
  }

  private final Viewers viewers;

  public HomeResource(Viewers viewers) {
    this.viewers = viewers;
  }

  @GET
  public Response home() {
    Viewer viewer = viewers.current();
    return Redirects.seeOther(viewer.isStaff() ? "/wall" : "/window");
  }

  /** Where Keycloak sends the browser back after signing out; needs no session. */
  @GET
  @Path("/signed-out")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance signedOut(@Context HttpHeaders headers) {
    var locale = Languages.of(headers);
    return Templates.signedOut(locale.getLanguage()).setLocale(locale);
  }
}
