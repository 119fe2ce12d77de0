package io.vigie.console.status;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vigie.console.Languages;
import io.vigie.console.ServiceUnavailableException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The hoster's public status page, its Atom feed and its iCalendar feed: no sign-in, no session,
 * nothing but what staff published on it. Cached briefly by browsers and proxies (one minute).
 */
@Path("/status")
public class StatusPageResource {

  static final String ATOM = "application/atom+xml";
  static final String CALENDAR = "text/calendar";

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance status(String language, StatusPage page);
  }

  private final StatusPageService pages;

  public StatusPageResource(StatusPageService pages) {
    this.pages = pages;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page(@Context HttpHeaders headers) {
    var locale = Languages.of(headers);
    StatusPage page = pages.load();
    return Response.status(page.available() ? 200 : 503)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header("Cache-Control", "public, max-age=60")
        .entity(Templates.status(locale.getLanguage(), page).setLocale(locale).render())
        .build();
  }

  @GET
  @Path("/feed.atom")
  @Produces(ATOM)
  public Response feed(@Context UriInfo uri, @Context HttpHeaders headers) {
    StatusPage page = pages.load();
    if (!page.available()) {
      return Response.status(503).header("Retry-After", "60").build();
    }
    String base = uri.getBaseUri().toString().replaceAll("/+$", "");
    String title =
        "fr".equals(Languages.of(headers).getLanguage()) ? "État du service" : "Service status";
    return Response.ok(AtomFeed.render(page, title, base + "/status", base + "/status/feed.atom"))
        .type(ATOM + ";charset=utf-8")
        .header("Cache-Control", "public, max-age=60")
        .build();
  }

  /**
   * The page's planned interventions and incidents as an iCalendar feed (RFC 5545), as
   * ticket-service writes it from what staff published.
   */
  @GET
  @Path("/calendar.ics")
  @Produces(CALENDAR)
  public Response calendar() {
    try {
      return Response.ok(pages.calendar())
          .type(CALENDAR + ";charset=utf-8")
          .header("Cache-Control", "public, max-age=60")
          .build();
    } catch (ServiceUnavailableException e) {
      return Response.status(503).header("Retry-After", "60").build();
    }
  }
}
