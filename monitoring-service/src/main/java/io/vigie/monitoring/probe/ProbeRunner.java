package io.vigie.monitoring.probe;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.dns.DnsClient;
import io.vertx.core.dns.DnsClientOptions;
import io.vertx.core.dns.DnsException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Runs one check, non-blocking on Vert.x: an HTTP request (status, time, size, body, certificate),
 * a TCP connect, or a DNS query, each bounded by the check's timeout. Never fails: whatever happens
 * becomes a result (CRITICAL when the target does not answer, UNKNOWN on our own error).
 */
@ApplicationScoped
public class ProbeRunner {

  private static final Logger LOG = Logger.getLogger(ProbeRunner.class);

  /** The body kept for bodyContains / bodyMatches; the rest is only counted. */
  static final int MAX_BODY_KEPT = 1 << 20;

  private final Vertx vertx;
  private final ProbeConfig config;
  private final HttpClient http;
  private final NetClient tcp;
  private final Map<String, DnsClient> resolvers = new ConcurrentHashMap<>();

  public ProbeRunner(Vertx vertx, ProbeConfig config) {
    this.vertx = vertx;
    this.config = config;
    // a fresh connection per run, as check_http does: the time includes the connect (and the TLS
    // handshake, whose certificate is read); checks test reachability, not the chain of trust
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setKeepAlive(false)
                .setTrustAll(true)
                .setVerifyHost(false)
                .setTryUseCompression(false),
            new PoolOptions()
                .setHttp1MaxSize(Math.max(1, config.maxConcurrency()))
                .setMaxWaitQueueSize(-1));
    this.tcp = vertx.createNetClient(new NetClientOptions().setReconnectAttempts(0));
  }

  @PreDestroy
  void close() {
    http.close();
    tcp.close();
  }

  /** Runs {@code check} once; the future always succeeds, with the run's verdict. */
  public Future<ProbeResult> run(ScheduledCheck check) {
    Promise<ProbeResult> done = Promise.promise();
    long timeoutMillis = check.timeoutSeconds() * 1000L;
    long guard =
        vertx.setTimer(
            timeoutMillis,
            id -> done.tryComplete(ProbeVerdicts.timedOut(check.kind(), check.timeoutSeconds())));
    Future<ProbeResult> attempt;
    try {
      attempt =
          switch (check.kind()) {
            case HTTP -> http(check.settings(), timeoutMillis);
            case TCP -> tcp(check.settings(), timeoutMillis, check.timeoutSeconds());
            case DNS -> dns(check.settings(), timeoutMillis);
          };
    } catch (RuntimeException e) {
      LOG.warnf(e, "Active check %s (%s) could not start", check.name(), check.id());
      attempt = Future.succeededFuture(ProbeVerdicts.unknown(check.kind(), e.getMessage()));
    }
    attempt.onComplete(
        ar -> {
          vertx.cancelTimer(guard);
          done.tryComplete(
              ar.succeeded()
                  ? ar.result()
                  : ProbeVerdicts.unknown(check.kind(), String.valueOf(ar.cause())));
        });
    return done.future();
  }

  private Future<ProbeResult> http(ProbeSettings s, long timeoutMillis) {
    long start = System.nanoTime();
    boolean keepBody = s.bodyContains() != null || s.bodyMatches() != null;
    RequestOptions options =
        new RequestOptions()
            .setAbsoluteURI(s.url())
            .setMethod(
                s.method() == ProbeSettings.HttpMethod.HEAD ? HttpMethod.HEAD : HttpMethod.GET)
            .setConnectTimeout(timeoutMillis)
            .setIdleTimeout(timeoutMillis)
            .setFollowRedirects(false)
            .putHeader("User-Agent", "vigie-monitoring/1 (active check)");
    return http.request(options)
        .compose(request -> request.send())
        .compose(response -> readBody(response, keepBody))
        .map(
            read -> {
              HttpClientResponse response = read.response();
              X509Certificate certificate = peerCertificate(response);
              return ProbeVerdicts.http(
                  s,
                  new ProbeVerdicts.HttpObservation(
                      version(response.version()),
                      response.statusCode(),
                      response.statusMessage(),
                      read.bytes(),
                      System.nanoTime() - start,
                      read.body() == null ? null : read.body().toString(StandardCharsets.UTF_8),
                      certificate == null ? null : certificate.getNotAfter().toInstant(),
                      certificate == null ? null : certificate.getSubjectX500Principal().getName()),
                  Instant.now());
            })
        .recover(
            failure -> Future.succeededFuture(ProbeVerdicts.httpFailure(s, describe(failure))));
  }

  private record BodyRead(HttpClientResponse response, long bytes, Buffer body) {}

  private static Future<BodyRead> readBody(HttpClientResponse response, boolean keep) {
    Promise<BodyRead> read = Promise.promise();
    Buffer kept = keep ? Buffer.buffer() : null;
    long[] bytes = {0};
    response.handler(
        chunk -> {
          bytes[0] += chunk.length();
          if (kept != null && kept.length() < MAX_BODY_KEPT) {
            kept.appendBuffer(
                chunk.length() <= MAX_BODY_KEPT - kept.length()
                    ? chunk
                    : chunk.getBuffer(0, MAX_BODY_KEPT - kept.length()));
          }
        });
    response.exceptionHandler(read::tryFail);
    response.endHandler(v -> read.tryComplete(new BodyRead(response, bytes[0], kept)));
    return read.future();
  }

  private static X509Certificate peerCertificate(HttpClientResponse response) {
    try {
      var connection = response.request().connection();
      if (connection == null || !connection.isSsl()) {
        return null;
      }
      List<Certificate> chain = connection.peerCertificates();
      return chain != null && !chain.isEmpty() && chain.get(0) instanceof X509Certificate x509
          ? x509
          : null;
    } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
      return null;
    }
  }

  private Future<ProbeResult> tcp(ProbeSettings s, long timeoutMillis, int timeoutSeconds) {
    long start = System.nanoTime();
    return tcp.connect(s.port(), s.host())
        .map(
            socket -> {
              long elapsed = System.nanoTime() - start;
              socket.close();
              return ProbeVerdicts.tcp(s, elapsed, timeoutSeconds);
            })
        .recover(failure -> Future.succeededFuture(ProbeVerdicts.tcpFailure(s, describe(failure))));
  }

  private Future<ProbeResult> dns(ProbeSettings s, long timeoutMillis) {
    String resolverText = s.resolver() != null ? s.resolver() : config.defaultResolver();
    InetSocketAddress resolver = Addresses.resolver(resolverText);
    DnsClient client =
        resolvers.computeIfAbsent(
            resolver.getHostString() + "|" + resolver.getPort() + "|" + timeoutMillis,
            key ->
                vertx.createDnsClient(
                    new DnsClientOptions()
                        .setHost(resolver.getHostString())
                        .setPort(resolver.getPort())
                        .setQueryTimeout(timeoutMillis)
                        .setRecursionDesired(true)));
    long start = System.nanoTime();
    Future<List<String>> answer =
        s.recordType() == ProbeSettings.RecordType.AAAA
            ? client.resolveAAAA(s.name())
            : client.resolveA(s.name());
    return answer
        .map(addresses -> ProbeVerdicts.dns(s, resolverText, addresses, System.nanoTime() - start))
        .recover(
            failure ->
                Future.succeededFuture(
                    ProbeVerdicts.dnsFailure(
                        s,
                        resolverText,
                        failure instanceof DnsException dns
                            ? dns.code().name()
                            : describe(failure))));
  }

  private static String version(HttpVersion version) {
    return switch (version) {
      case HTTP_1_0 -> "HTTP/1.0";
      case HTTP_1_1 -> "HTTP/1.1";
      case HTTP_2 -> "HTTP/2";
    };
  }

  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }
}
