package io.vigie.console;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.console.api.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Calls one service's API with the signed-in person's own access token: the service decides what
 * that person may see or do, the console adds no authorization of its own. A service that does not
 * answer (refused, timed out, 5xx) is a {@link ServiceUnavailableException} naming it; a 404 is a
 * {@link PageNotFoundException} (a foreign id looks exactly like a missing one); any other refusal
 * is a {@link ServiceRejectedException} carrying the service's problem details.
 */
@ApplicationScoped
public class ServiceCalls {

  private static final Logger LOG = Logger.getLogger(ServiceCalls.class);

  private final ConsoleConfig config;
  private final ObjectMapper json;
  private final HttpClient http;

  public ServiceCalls(ConsoleConfig config, ObjectMapper json) {
    this.config = config;
    this.json = json;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.callTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  public <T> T get(VigieService service, String path, String token, Class<T> type) {
    return call(service, "GET", path, null, Map.of(), token, json.constructType(type));
  }

  public <T> T get(VigieService service, String path, String token, TypeReference<T> type) {
    return call(service, "GET", path, null, Map.of(), token, json.constructType(type));
  }

  public <T> T send(
      VigieService service,
      String method,
      String path,
      Object body,
      Map<String, String> headers,
      String token,
      Class<T> type) {
    return call(service, method, path, body, headers, token, json.constructType(type));
  }

  private <T> T call(
      VigieService service,
      String method,
      String path,
      Object body,
      Map<String, String> headers,
      String token,
      JavaType type) {
    URI uri = URI.create(config.baseUrl(service).toString().replaceAll("/+$", "") + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(config.callTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token);
    headers.forEach(request::header);
    try {
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
      }
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return response.body().length == 0 ? null : json.readValue(response.body(), type);
      }
      if (status == 404) {
        throw new PageNotFoundException(service, path);
      }
      if (status >= 500 || status == 401) {
        // 401: the service does not accept the token (its OIDC provider is unreachable, say)
        LOG.warnf("%s %s answered %d", service.moduleName(), path, status);
        throw new ServiceUnavailableException(service, "HTTP " + status);
      }
      throw new ServiceRejectedException(service, status, problem(response.body()));
    } catch (IOException e) {
      LOG.warnf("%s %s did not answer: %s", service.moduleName(), path, e.toString());
      throw new ServiceUnavailableException(service, e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException(service, "interrupted");
    }
  }

  private Problem problem(byte[] body) {
    try {
      return json.readValue(body, Problem.class);
    } catch (IOException e) {
      return new Problem(null, null, null, null);
    }
  }
}
