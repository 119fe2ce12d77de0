package io.vigie.console.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.console.ConsoleConfig;
import io.vigie.console.ServiceUnavailableException;
import io.vigie.console.VigieService;
import io.vigie.console.api.PublicStatusView;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.logging.Logger;

/**
 * Reads ticket-service's public status path ({@code /public/status} and its calendar) with no token
 * at all: what it answers is what anyone may read, so the console sends no credential for it.
 */
@ApplicationScoped
public class PublicStatusClient {

  private static final Logger LOG = Logger.getLogger(PublicStatusClient.class);

  static final String STATUS = "/public/status";
  static final String CALENDAR = "/public/status.ics";

  private final ConsoleConfig config;
  private final ObjectMapper json;
  private final HttpClient http;

  public PublicStatusClient(ConsoleConfig config, ObjectMapper json) {
    this.config = config;
    this.json = json;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.callTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /**
   * The page's data; a service that does not answer well is {@link ServiceUnavailableException}.
   */
  public PublicStatusView status() {
    try {
      return json.readValue(fetch(STATUS, "application/json"), PublicStatusView.class);
    } catch (IOException e) {
      throw new ServiceUnavailableException(VigieService.TICKET, "unreadable status");
    }
  }

  /** The calendar, as ticket-service wrote it (RFC 5545). */
  public byte[] calendar() {
    return fetch(CALENDAR, "text/calendar");
  }

  private byte[] fetch(String path, String accept) {
    URI uri =
        URI.create(config.baseUrl(VigieService.TICKET).toString().replaceAll("/+$", "") + path);
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(uri)
                  .timeout(config.callTimeout())
                  .header("Accept", accept)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        LOG.warnf("ticket-service %s answered %d", path, response.statusCode());
        throw new ServiceUnavailableException(VigieService.TICKET, "HTTP " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      LOG.warnf("ticket-service %s did not answer: %s", path, e.toString());
      throw new ServiceUnavailableException(VigieService.TICKET, e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException(VigieService.TICKET, "interrupted");
    }
  }
}
