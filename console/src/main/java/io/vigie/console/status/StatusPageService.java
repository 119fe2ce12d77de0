package io.vigie.console.status;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vigie.console.ServiceCalls;
import io.vigie.console.ServiceRejectedException;
import io.vigie.console.ServiceUnavailableException;
import io.vigie.console.VigieService;
import io.vigie.console.api.ArticleView;
import io.vigie.console.api.Listing;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/**
 * Reads the status page's notices from ticket-service with the status page's own token ({@link
 * StatusPageToken}): the published public announcements, which is all that token may read.
 */
@ApplicationScoped
public class StatusPageService {

  static final String NOTICES =
      "/api/v1/articles?kind=ANNOUNCEMENT&visibility=PUBLIC&status=PUBLISHED&size=200";
  private static final TypeReference<Listing<ArticleView>> ARTICLES = new TypeReference<>() {};

  private final StatusPageToken tokens;
  private final ServiceCalls calls;
  private final Clock clock;

  public StatusPageService(StatusPageToken tokens, ServiceCalls calls, Clock clock) {
    this.tokens = tokens;
    this.calls = calls;
    this.clock = clock;
  }

  public StatusPage load() {
    var now = clock.instant();
    String token = tokens.get();
    if (token == null) {
      return StatusPage.unavailable(now);
    }
    try {
      Listing<ArticleView> listing = calls.get(VigieService.TICKET, NOTICES, token, ARTICLES);
      return StatusPage.of(
          listing == null || listing.items() == null ? List.of() : listing.items(), now);
    } catch (ServiceUnavailableException | ServiceRejectedException e) {
      return StatusPage.unavailable(now);
    }
  }
}
