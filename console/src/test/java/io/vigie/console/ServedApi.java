package io.vigie.console;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The services' APIs served over real HTTP with the answers a test gives (JSON as the services
 * write it), and the console's own {@link ServiceCalls} pointed at them: what a page reads goes
 * through the same client, headers and error handling as in production, without starting the
 * application.
 */
public final class ServedApi implements AutoCloseable {

  /** What the served API answers to a request. */
  public record Answer(int status, String json) {}

  private final HttpServer server;
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Function<URI, Answer> answers = uri -> new Answer(404, "{}");

  private ServedApi(HttpServer server) {
    this.server = server;
  }

  public static ServedApi start() {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ServedApi api = new ServedApi(server);
    server.createContext(
        "/",
        exchange -> {
          api.asked.add(
              exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization"));
          Answer answer = api.answers.apply(exchange.getRequestURI());
          byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(answer.status(), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return api;
  }

  /** Answers every request with {@code answers(uri)}. */
  public void answer(Function<URI, Answer> answers) {
    this.answers = answers;
  }

  /** Answers every request with this status and JSON. */
  public void answer(int status, String json) {
    answer(uri -> new Answer(status, json));
  }

  /** The requests made so far: {@code path?query Bearer token}. */
  public List<String> asked() {
    return List.copyOf(asked);
  }

  public void forget() {
    asked.clear();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The console's client with every service at this address. */
  public ServiceCalls calls() {
    return calls(url());
  }

  /** The console's client with every service at {@code url}. */
  public static ServiceCalls calls(URI url) {
    ConsoleConfig config =
        new ConsoleConfig() {
          @Override
          public URI inventoryUrl() {
            return url;
          }

          @Override
          public URI monitoringUrl() {
            return url;
          }

          @Override
          public URI ticketUrl() {
            return url;
          }

          @Override
          public URI backupUrl() {
            return url;
          }

          @Override
          public URI dnsUrl() {
            return url;
          }

          @Override
          public Duration callTimeout() {
            return Duration.ofSeconds(5);
          }

          @Override
          public Duration wallRefresh() {
            return Duration.ofSeconds(3);
          }
        };
    ObjectMapper json =
        new ObjectMapper()
            .findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    return new ServiceCalls(config, json);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
    }
  }
}
