package io.vigie.console.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.console.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The token the public status page reads availability with, nobody being signed in: the client
 * credentials of the console's own Keycloak client, whose service account has only the realm role
 * {@code vigie-status-reader} (kit {@code Roles.STATUS_READER}). That role is accepted by exactly
 * two reads, the published platforms' targets (ticket-service's {@code GET
 * /api/v1/status/platforms}) and monitoring's availability of a target ({@code GET
 * /api/v1/availability}, any client's); every other endpoint answers it 403, so the console's
 * secret carries no support powers (answering tickets, publishing notices). The page's own content
 * needs no token at all (ticket-service's public path), and what the two reads answer is drawn as
 * days, never shown as such. Kept until half its life has passed.
 */
@ApplicationScoped
public class StatusPageToken {

  private static final Logger LOG = Logger.getLogger(StatusPageToken.class);

  private final URI tokenEndpoint;
  private final String form;
  private final ObjectMapper json;
  private final Clock clock;
  private final HttpClient http;
  private final Duration timeout;
  private String token;
  private Instant renewAt = Instant.MIN;

  public StatusPageToken(
      @ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer,
      @ConfigProperty(name = "quarkus.oidc.client-id") String clientId,
      @ConfigProperty(name = "quarkus.oidc.credentials.secret") String secret,
      ConsoleConfig config,
      ObjectMapper json,
      Clock clock) {
    this.tokenEndpoint =
        URI.create(issuer.replaceAll("/+$", "") + "/protocol/openid-connect/token");
    this.form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    this.json = json;
    this.clock = clock;
    this.timeout = config.callTimeout();
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** A valid access token, or null when Keycloak does not give one (the page says so). */
  public synchronized String get() {
    Instant now = clock.instant();
    if (token != null && now.isBefore(renewAt)) {
      return token;
    }
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(tokenEndpoint)
                  .timeout(timeout)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        LOG.warnf("the status page's token was refused: HTTP %d", response.statusCode());
        return null;
      }
      JsonNode answer = json.readTree(response.body());
      String fresh = answer.path("access_token").asText(null);
      if (fresh == null) {
        return null;
      }
      long life = Math.max(10, answer.path("expires_in").asLong(60));
      token = fresh;
      renewAt = now.plusSeconds(life / 2);
      return token;
    } catch (IOException e) {
      LOG.warnf("no token for the status page: %s", e.toString());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
