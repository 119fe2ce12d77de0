package io.vigie.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every operation of the running service's own OpenAPI document under {@code /api/}, called once
 * with one token: what each answers. A role's reach as a caller meets it, with no list to keep — an
 * endpoint added later is swept with the others. Path parameters take a random UUID, a body is
 * {@code {}}; the role check comes before both, so an operation the token may not call answers 403
 * whatever they hold. Only the status line is read (a stream is not followed).
 */
public final class EveryOperation {

  /** One operation's answer to the token. */
  public record Answer(String method, String path, String operationId, int status) {}

  private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private EveryOperation() {}

  /** Calls each documented {@code /api/} operation of the service under test with {@code token}. */
  public static List<Answer> calledWith(String token) {
    String prefix =
        RestAssured.basePath == null ? "" : RestAssured.basePath.replaceAll("^/+|/+$", "");
    URI root =
        URI.create(
            RestAssured.baseURI
                + ":"
                + RestAssured.port
                + "/"
                + (prefix.isEmpty() ? "" : prefix + "/"));
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    JsonNode paths = document(http, root).path("paths");
    List<Answer> answers = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      String concrete = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        int status = call(http, root, op.getKey(), concrete, op.getValue(), token);
        answers.add(
            new Answer(
                op.getKey().toUpperCase(),
                path.getKey(),
                op.getValue().path("operationId").asText(),
                status));
      }
    }
    return answers;
  }

  private static JsonNode document(HttpClient http, URI root) {
    try {
      HttpResponse<byte[]> answer =
          http.send(
              HttpRequest.newBuilder(root.resolve("q/openapi?format=json"))
                  .timeout(TIMEOUT)
                  .header("Accept", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("no OpenAPI document: HTTP " + answer.statusCode());
      }
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int call(
      HttpClient http, URI root, String method, String path, JsonNode op, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(root.resolve(path.substring(1)))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token);
    JsonNode content = op.path("requestBody").path("content");
    if (content.isObject() && content.size() > 0) {
      String type =
          content.has("application/json") ? "application/json" : content.fieldNames().next();
      request
          .header("Content-Type", type.contains("*") ? "application/octet-stream" : type)
          .method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString("{}"));
    } else {
      request.method(method.toUpperCase(), HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<InputStream> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      answer.body().close();
      return answer.statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
