package io.vigie.console.search;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vigie.console.Viewer;
import io.vigie.console.Viewers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The staff's search box: one query across inventory, tickets and DNS ({@link SearchService}). */
@Path("/search")
public class SearchResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance search(Viewer viewer, SearchResults results);
  }

  private final Viewers viewers;
  private final SearchService search;

  public SearchResource(Viewers viewers, SearchService search) {
    this.viewers = viewers;
    this.search = search;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance search(@QueryParam("q") String query) {
    Viewer viewer = viewers.current();
    String q = query == null ? null : query.length() > 200 ? query.substring(0, 200) : query;
    return Templates.search(viewer, search.search(viewer.accessToken(), q))
        .setLocale(viewer.locale());
  }
}
