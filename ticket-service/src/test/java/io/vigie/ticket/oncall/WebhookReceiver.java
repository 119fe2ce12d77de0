package io.vigie.ticket.oncall;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver, as a hoster's SMS gateway would run it: it checks each delivery's signature
 * with the shared secret, answers 401 to a bad, stale or replayed one, and otherwise the status the
 * test sets (200 by default).
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One delivery as received, with the receiver's verdict. */
  public record Delivery(
      String body, String timestamp, String signature, WebhookSignature.Verdict verdict) {}

  private final HttpServer server;
  private final String secret;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  public final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  public final AtomicInteger answer = new AtomicInteger(200);

  public WebhookReceiver(String secret) throws IOException {
    this.secret = secret;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String ts = exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP);
          String sig = exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE);
          WebhookSignature.Verdict verdict =
              WebhookSignature.verify(secret, ts, sig, body, Instant.now(), seen);
          deliveries.add(new Delivery(body, ts, sig, verdict));
          int status = verdict == WebhookSignature.Verdict.VALID ? answer.get() : 401;
          if (verdict == WebhookSignature.Verdict.VALID && status / 100 == 2) {
            seen.add(sig);
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  public String secret() {
    return secret;
  }

  /** Waits (bounded) until {@code count} deliveries arrived. */
  public List<Delivery> await(int count) throws InterruptedException {
    Instant until = Instant.now().plus(Duration.ofSeconds(15));
    while (deliveries.size() < count && Instant.now().isBefore(until)) {
      Thread.sleep(20);
    }
    return List.copyOf(deliveries);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
