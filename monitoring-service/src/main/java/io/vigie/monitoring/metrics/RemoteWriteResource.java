package io.vigie.monitoring.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.vigie.kit.problem.Problem;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
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
 * collectors push the samples they scrape; they land in the {@link MetricHead}.
 *
 * <p>Status codes follow what senders do with them: 204 taken; 400 for a request that can never
 * succeed (malformed, or new series beyond the head's limit) so the sender drops it instead of
 * retrying forever; 413 for a body over the size cap; 415 for another encoding or remote-write 2.0;
 * 429 with Retry-After when too many requests are being decoded, which senders retry.
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
    SERIES_LIMIT,
    MALFORMED,
    TOO_LARGE,
    UNSUPPORTED,
    OVERLOADED;

    String tag() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final MetricHead head;
  private final RemoteWriteGate gate;
  private final RemoteWriteCodec codec;
  private final long maxBodyBytes;
  private final long retryAfterSeconds;
  private final Duration overloadWait;
  private final Map<Outcome, Counter> requests = new EnumMap<>(Outcome.class);

  public RemoteWriteResource(
      MetricHead head, RemoteWriteGate gate, RemoteWriteConfig config, MeterRegistry registry) {
    this.head = head;
    this.gate = gate;
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
          "Prometheus remote_write 1.0: snappy-compressed prometheus.WriteRequest (204; 400"
              + " malformed or series limit; 413 too large; 415 not remote-write 1.0; 429 busy)")
  @APIResponse(responseCode = "204", description = "Every sample accepted")
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
  public Response write(
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
    try (RemoteWriteGate.Permit permit = gate.tryEnter(overloadWait)) {
      if (permit == null) {
        count(Outcome.OVERLOADED);
        return overloaded();
      }
      WriteRequest request;
      MetricHead.AppendResult result;
      try {
        request = codec.decode(body);
        result = head.append(request);
      } catch (InvalidWriteRequest e) {
        count(Outcome.MALFORMED);
        throw new ProblemException(
            400,
            "invalid-remote-write",
            "Invalid remote write request",
            e.field() + ": " + e.getMessage(),
            List.of(new Problem.FieldError(e.field(), e.getMessage())));
      }
      if (result.seriesRefused() > 0) {
        count(Outcome.SERIES_LIMIT);
        throw seriesLimit(result);
      }
      count(Outcome.ACCEPTED);
      return Response.noContent().build();
    }
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

  private ProblemException seriesLimit(MetricHead.AppendResult result) {
    String message =
        "the metric head holds its limit of "
            + head.maxSeries()
            + " series (vigie.monitoring.remote-write.max-series): "
            + result.seriesRefused()
            + " new series refused; "
            + result.samplesAccepted()
            + " samples of existing series were taken";
    return new ProblemException(
        400,
        "series-limit",
        "Series limit reached",
        message,
        List.of(new Problem.FieldError("timeseries", message)));
  }

  private void count(Outcome outcome) {
    requests.get(outcome).increment();
  }
}
