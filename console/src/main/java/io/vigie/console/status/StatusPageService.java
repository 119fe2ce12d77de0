package io.vigie.console.status;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vigie.console.Fetches;
import io.vigie.console.PageNotFoundException;
import io.vigie.console.ServiceCalls;
import io.vigie.console.ServiceRejectedException;
import io.vigie.console.ServiceUnavailableException;
import io.vigie.console.VigieService;
import io.vigie.console.api.PlatformTargets;
import io.vigie.console.api.PublicStatusView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * The status page's data: what staff published, read from ticket-service's public path with no
 * token ({@link PublicStatusClient}); and each platform's availability over 90 days, read with the
 * status page's own token ({@link StatusPageToken}): the platforms' targets from ticket-service's
 * staff list, then monitoring's availability of each target and the hour it was first checked
 * ({@link TargetHistories}). The availability is kept five minutes (it moves slowly, and a page the
 * world reads must not cost a call per target per visitor); a failed read is tried again after 30
 * seconds.
 */
@ApplicationScoped
public class StatusPageService {

  static final String PLATFORMS = "/api/v1/status/platforms";
  static final Duration AVAILABILITY_KEPT = Duration.ofMinutes(5);
  static final Duration FAILURE_KEPT = Duration.ofSeconds(30);
  private static final TypeReference<List<PlatformTargets>> TARGETS = new TypeReference<>() {};

  /** The platforms' availability as last read. */
  record Availability(Instant at, Map<String, Uptime> uptimes, boolean known) {}

  private final PublicStatusClient publicStatus;
  private final StatusPageToken tokens;
  private final ServiceCalls calls;
  private final Clock clock;
  private final TargetHistories histories;
  private Availability kept;

  public StatusPageService(
      PublicStatusClient publicStatus, StatusPageToken tokens, ServiceCalls calls, Clock clock) {
    this.publicStatus = publicStatus;
    this.tokens = tokens;
    this.calls = calls;
    this.clock = clock;
    this.histories = new TargetHistories(calls);
  }

  public StatusPage load() {
    Instant now = clock.instant();
    PublicStatusView status;
    try {
      status = publicStatus.status();
    } catch (ServiceUnavailableException e) {
      return StatusPage.unavailable(now);
    }
    Availability availability = availability(now);
    return StatusPage.of(status, availability.uptimes(), availability.known(), now);
  }

  /** ticket-service's calendar of the page's interventions and incidents. */
  public byte[] calendar() {
    return publicStatus.calendar();
  }

  synchronized Availability availability(Instant now) {
    if (kept != null
        && now.isBefore(kept.at().plus(kept.known() ? AVAILABILITY_KEPT : FAILURE_KEPT))) {
      return kept;
    }
    kept = read(now);
    return kept;
  }

  private Availability read(Instant now) {
    String token = tokens.get();
    if (token == null) {
      return new Availability(now, Map.of(), false);
    }
    List<PlatformTargets> platforms;
    try {
      platforms = calls.get(VigieService.TICKET, PLATFORMS, token, TARGETS);
    } catch (ServiceUnavailableException | ServiceRejectedException | PageNotFoundException e) {
      return new Availability(now, Map.of(), false);
    }
    Instant from = Uptime.from(now);
    Map<String, Uptime> uptimes = new HashMap<>();
    boolean known = true;
    try (Fetches fetches = new Fetches()) {
      Map<String, List<Future<Uptime.Measured>>> asked = new HashMap<>();
      for (PlatformTargets p : platforms == null ? List.<PlatformTargets>of() : platforms) {
        List<Future<Uptime.Measured>> futures = new ArrayList<>();
        for (UUID server : orEmpty(p.serverIds())) {
          futures.add(target(fetches, token, "serverId=" + server, from, now));
        }
        for (UUID service : orEmpty(p.hostedServiceIds())) {
          futures.add(target(fetches, token, "hostedServiceId=" + service, from, now));
        }
        asked.put(p.slug(), futures);
      }
      for (Map.Entry<String, List<Future<Uptime.Measured>>> e : asked.entrySet()) {
        List<Uptime.Measured> answers = new ArrayList<>();
        for (Future<Uptime.Measured> call : e.getValue()) {
          try {
            Uptime.Measured m = Fetches.await(call);
            if (m != null && m.availability() != null) {
              answers.add(m);
            }
          } catch (PageNotFoundException | ServiceRejectedException unknownToMonitoring) {
            // a target monitoring does not know (yet) has nothing to show
          }
        }
        uptimes.put(e.getKey(), Uptime.measured(answers, now));
      }
      known = fetches.down().isEmpty();
    }
    return new Availability(now, known ? uptimes : Map.of(), known);
  }

  private Future<Uptime.Measured> target(
      Fetches fetches, String token, String target, Instant from, Instant now) {
    return fetches.start(
        VigieService.MONITORING, () -> histories.read(token, target, from, now), null);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
