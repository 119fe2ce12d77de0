package io.vigie.monitoring.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.problem.Problem;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Roles;
import io.vigie.monitoring.flow.IngestTally;
import io.vigie.monitoring.ingest.IngestConfig;
import io.vigie.monitoring.ingest.SampleLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Prometheus remote_write 1.0 receiver: Prometheus, Grafana Agent/Alloy, vmagent and OpenTelemetry
 * collectors push the samples they scrape; they are written to the samples topic ({@link
 * SampleLog}), from which the replica owning each target's partition fills its {@link MetricHead}.
 *
 * <p>Status codes follow what senders do with them: 204 once the broker acknowledged every sample
 * (durable); 400 for a request that can never succeed (malformed) so the sender drops it instead of
 * retrying forever; 413 for a body over the size cap; 415 for another encoding or remote-write 2.0;
 * 429 with Retry-After when too many requests are being decoded, and 503 with Retry-After when the
 * broker did not acknowledge the samples, both of which senders retry.
 */
@Path(RemoteWriteResource.PATH)
@Tag(name = "Metrics ingest", description = "Prometheus remote_write 1.0 (snappy protobuf)")
public class RemoteWriteResource {

  public static final String PATH = "/api/v1/write";
  public static final String VERSION_HEADER = "X-Prometheus-Remote-Write-Version";
  static final String PROTOBUF = "application/x-protobuf";
  static final String V1_PROTO = "prometheus.WriteRequest";

  private static final Logger LOG = Logger.getLogger(RemoteWriteResource.class);

  /** How a request ended, as the {@code outcome} tag of the requests meter. */
  enum Outcome {
    ACCEPTED,
    MALFORMED,
    TOO_LARGE,
    UNSUPPORTED,
    OVERLOADED,
    UNAVAILABLE;

    String tag() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final MetricHead head;
  private final RemoteWriteGate gate;
  private final SampleLog samples;
  private final RemoteWriteCodec codec;
  private final long maxBodyBytes;
  private final long retryAfterSeconds;
  private final long unavailableRetryAfterSeconds;
  private final Duration ackTimeout;
  private final Duration overloadWait;
  private final Map<Outcome, Counter> requests = new EnumMap<>(Outcome.class);
  private final IngestTally flow;

  /** A receiver counting its flow into a tally of its own: for plain tests and tools. */
  public RemoteWriteResource(
      MetricHead head,
      RemoteWriteGate gate,
      SampleLog samples,
      RemoteWriteConfig config,
      IngestConfig ingest,
      MeterRegistry registry) {
    this(head, gate, samples, config, ingest, registry, new IngestTally());
  }

  @Inject
  public RemoteWriteResource(
      MetricHead head,
      RemoteWriteGate gate,
      SampleLog samples,
      RemoteWriteConfig config,
      IngestConfig ingest,
      MeterRegistry registry,
      IngestTally flow) {
    this.head = head;
    this.flow = flow;
    this.gate = gate;
    this.samples = samples;
    this.ackTimeout = ingest.ackTimeout().plusSeconds(1);
    this.unavailableRetryAfterSeconds =
        Math.max(1, (ingest.unavailableRetryAfter().toMillis() + 999) / 1000);
    this.codec = new RemoteWriteCodec(config.maxDecodedBytes().asLongValue());
    this.maxBodyBytes = config.maxBodyBytes().asLongValue();
    this.overloadWait = config.overloadWait();
    this.retryAfterSeconds = Math.max(1, (config.overloadRetryAfter().toMillis() + 999) / 1000);
    for (Outcome outcome : Outcome.values()) {
      requests.put(
          outcome,
          Counter.builder("vigie.monitoring.remote-write.requests")
              .description("remote_write requests by outcome")
              .tag("outcome", outcome.tag())
              .register(registry));
    }
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed(Roles.AGENT)
  @Blocking
  @Operation(
      operationId = "remoteWrite",
      summary =
          "Prometheus remote_write 1.0: snappy-compressed prometheus.WriteRequest (204 written;"
              + " 400 malformed; 413 too large; 415 not remote-write 1.0; 429 busy; 503 not"
              + " written)")
  @APIResponse(
      responseCode = "204",
      description = "Every sample written to the samples topic (acknowledged by the broker)")
  @APIResponse(
      responseCode = "413",
      description = "The body is larger than the limit; send smaller batches")
  @APIResponse(
      responseCode = "429",
      description = "Busy decoding other requests; retry after Retry-After seconds",
      headers =
          @Header(
              name = "Retry-After",
              description = "Seconds to wait before retrying",
              schema = @Schema(type = SchemaType.INTEGER)))
  @APIResponse(
      responseCode = "503",
      description =
          "The samples could not all be written (the broker is unreachable or did not"
              + " acknowledge them in time); retry after Retry-After seconds",
      headers =
          @Header(
              name = "Retry-After",
              description = "Seconds to wait before retrying",
              schema = @Schema(type = SchemaType.INTEGER)))
  public Uni<Response> write(
      byte[] body,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
      @HeaderParam(VERSION_HEADER) String version) {
    try {
      checkProtocol(contentType, contentEncoding, version);
    } catch (ProblemException e) {
      count(Outcome.UNSUPPORTED);
      throw e;
    }
    if (body.length > maxBodyBytes) {
      count(Outcome.TOO_LARGE);
      throw new ProblemException(
          413,
          "payload-too-large",
          "Payload too large",
          "The body has " + body.length + " bytes, more than the limit of " + maxBodyBytes,
          List.of(
              new Problem.FieldError(
                  "body", "at most " + maxBodyBytes + " bytes; send smaller batches")));
    }
    java.util.concurrent.CompletableFuture<Void> written;
    int decodedSamples = 0; // known once the body is decoded, for the hourly flow
    try (RemoteWriteGate.Permit permit = gate.tryEnter(overloadWait)) {
      if (permit == null) {
        count(Outcome.OVERLOADED);
        return Uni.createFrom().item(overloaded());
      }
      try {
        WriteRequest request = codec.decode(body);
        decodedSamples = request.sampleCount();
        head.validate(request, System.currentTimeMillis());
        written = samples.append(request);
      } catch (InvalidWriteRequest e) {
        count(Outcome.MALFORMED, decodedSamples);
        throw new ProblemException(
            400,
            "invalid-remote-write",
            "Invalid remote write request",
            e.field() + ": " + e.getMessage(),
            List.of(new Problem.FieldError(e.field(), e.getMessage())));
      }
    }
    int sampleCount = decodedSamples;
    // the decoding slot is free again; the broker's acknowledgement is awaited without a thread
    return Uni.createFrom()
        .completionStage(written)
        .ifNoItem()
        .after(ackTimeout)
        .fail()
        .map(
            done -> {
              count(Outcome.ACCEPTED, sampleCount);
              return Response.noContent().build();
            })
        .onFailure()
        .recoverWithItem(
            e -> {
              count(Outcome.UNAVAILABLE, sampleCount);
              LOG.warnf("remote_write not written to %s: %s", samples.topic(), e.toString());
              return unavailable(e);
            });
  }

  /** 415 unless the request is remote-write 1.0: snappy protobuf, version 0.1.x or unsaid. */
  static void checkProtocol(String contentType, String contentEncoding, String version) {
    if (contentType == null || contentType.isBlank()) {
      throw unsupported(HttpHeaders.CONTENT_TYPE, "is required: " + PROTOBUF);
    }
    String[] parts = contentType.split(";");
    if (!parts[0].trim().equalsIgnoreCase(PROTOBUF)) {
      throw unsupported(
          HttpHeaders.CONTENT_TYPE, "must be " + PROTOBUF + " (remote-write 1.0), not " + parts[0]);
    }
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].trim().split("=", 2);
      if (parameter[0].trim().equalsIgnoreCase("proto")) {
        String proto = parameter.length > 1 ? parameter[1].trim().replace("\"", "") : "";
        if (!proto.equals(V1_PROTO)) {
          throw unsupported(
              HttpHeaders.CONTENT_TYPE,
              "proto="
                  + proto
                  + " is not supported: this receiver speaks remote-write 1.0 ("
                  + PROTOBUF
                  + " or proto="
                  + V1_PROTO
                  + ")");
        }
      }
    }
    if (contentEncoding == null || !contentEncoding.trim().equalsIgnoreCase("snappy")) {
      throw unsupported(
          HttpHeaders.CONTENT_ENCODING,
          "must be snappy (block format)"
              + (contentEncoding == null ? "" : ", not " + contentEncoding));
    }
    if (version == null) {
      LOG.debug("remote_write request without " + VERSION_HEADER + "; taken as 0.1.0");
    } else if (!version.trim().equals("0.1") && !version.trim().startsWith("0.1.")) {
      throw unsupported(
          VERSION_HEADER, version + " is not supported: this receiver speaks 0.1.x (1.0)");
    }
  }

  private static ProblemException unsupported(String header, String message) {
    return new ProblemException(
        415,
        "unsupported-media-type",
        "Unsupported media type",
        header + ": " + message,
        List.of(new Problem.FieldError(header, message)));
  }

  private Response overloaded() {
    Problem problem =
        new Problem(
            "https://vigie.io/problems/overloaded",
            "Too many requests",
            429,
            gate.capacity()
                + " remote_write requests are being decoded already; retry after "
                + retryAfterSeconds
                + " s",
            PATH,
            List.of());
    return Response.status(429)
        .type(Problem.MEDIA_TYPE)
        .header("Retry-After", retryAfterSeconds)
        .entity(problem)
        .build();
  }

  private Response unavailable(Throwable cause) {
    Problem problem =
        new Problem(
            "https://vigie.io/problems/samples-not-written",
            "Service unavailable",
            503,
            "the samples could not be written to the samples topic ("
                + cause.getClass().getSimpleName()
                + "); retry after "
                + unavailableRetryAfterSeconds
                + " s (a sample written twice is taken once)",
            PATH,
            List.of());
    return Response.status(503)
        .type(Problem.MEDIA_TYPE)
        .header("Retry-After", unavailableRetryAfterSeconds)
        .entity(problem)
        .build();
  }

  private void count(Outcome outcome) {
    count(outcome, 0);
  }

  /** Counts a request by outcome, and into this replica's hourly flow with its samples if known. */
  private void count(Outcome outcome, int samples) {
    requests.get(outcome).increment();
    flow.request();
    if (outcome == Outcome.ACCEPTED) {
      flow.accepted(samples);
    } else if (samples > 0) {
      flow.rejected(samples);
    }
  }
}
