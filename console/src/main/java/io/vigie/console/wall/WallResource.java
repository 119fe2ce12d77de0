package io.vigie.console.wall;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vigie.console.ConsoleConfig;
import io.vigie.console.Viewer;
import io.vigie.console.Viewers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The wall for the people on duty. The page renders at once from the services' APIs; then a
 * server-sent event stream re-reads them every {@code vigie.console.wall-refresh} with the viewer's
 * own token and pushes the panels again only when what they show has changed.
 *
 * <p>Why polling the APIs rather than consuming the services' Kafka events: the console has no
 * authorization of its own, and events carry every tenant's data; the APIs answer each viewer with
 * what their token may see. A few calls every few seconds per open wall is cheap for the handful of
 * walls a hoster keeps open. The stream ends before the viewer's access token expires: the browser
 * reconnects by itself, through the OIDC session, which refreshes the token.
 */
@Path("/wall")
public class WallResource {

  static final Duration LONGEST_STREAM = Duration.ofMinutes(10);

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance wall(Viewer viewer, WallView wall);

    static native TemplateInstance wall$panels(Viewer viewer, WallView wall);
  }

  private final Viewers viewers;
  private final WallService walls;
  private final ConsoleConfig config;
  private final Clock clock;

  public WallResource(Viewers viewers, WallService walls, ConsoleConfig config, Clock clock) {
    this.viewers = viewers;
    this.walls = walls;
    this.config = config;
    this.clock = clock;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance wall() {
    Viewer viewer = viewers.current();
    return Templates.wall(viewer, walls.load(viewer.accessToken())).setLocale(viewer.locale());
  }

  @GET
  @Path("/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Multi<OutboundSseEvent> stream(@Context Sse sse) {
    Viewer viewer = viewers.current();
    Duration life = Duration.between(clock.instant(), viewer.tokenExpiresAt()).minusSeconds(30);
    if (life.compareTo(LONGEST_STREAM) > 0) {
      life = LONGEST_STREAM;
    }
    if (life.compareTo(Duration.ofSeconds(5)) < 0) {
      life = Duration.ofSeconds(5);
    }
    AtomicReference<String> shown = new AtomicReference<>();
    return Multi.createFrom()
        .ticks()
        .every(config.wallRefresh())
        .onOverflow()
        .drop()
        .onItem()
        .transformToUniAndConcatenate(
            tick ->
                Uni.createFrom()
                    .item(() -> panels(viewer))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
        .filter(html -> !Objects.equals(html, shown.getAndSet(html)))
        .map(html -> sse.newEventBuilder().name("wall").data(html).build())
        .select()
        .first(life);
  }

  private String panels(Viewer viewer) {
    return Templates.wall$panels(viewer, walls.load(viewer.accessToken()))
        .setLocale(viewer.locale())
        .render();
  }
}
