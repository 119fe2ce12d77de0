package io.vigie.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** The few HTTP and TCP probes the launcher needs, on the JDK's client (no extra dependency). */
final class Http {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /**
   * A form POST (a token request) waits longer than a probe: Keycloak's first password grant after
   * a start hashes the password and warms up, seconds on a busy laptop.
   */
  private static final Duration POST_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  /** The status of a GET, or -1 when nothing answers. */
  int status(URI uri) {
    try {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** POSTs an HTML form and returns the body of a 200 answer. */
  String postForm(URI uri, Map<String, String> form) throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(POST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "POST " + uri + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** Whether something accepts TCP connections on 127.0.0.1:port. */
  static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * {@code response} if it has {@code status}; otherwise an IOException naming the request and the
   * answer, prefixed with {@code what} (which demo data was loading).
   */
  static HttpResponse<String> expect(String what, HttpResponse<String> response, int status)
      throws IOException {
    if (response.statusCode() != status) {
      throw new IOException(
          what
              + ": "
              + response.request().method()
              + " "
              + response.request().uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response;
  }
}
