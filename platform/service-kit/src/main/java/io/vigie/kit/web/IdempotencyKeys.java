package io.vigie.kit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.tenancy.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Creates that honour an {@code Idempotency-Key} header: the key, the request's fingerprint and the
 * answer are stored in the same transaction as the new resource, so a retried create returns the
 * first answer instead of a duplicate, even when the retry races the original.
 */
@ApplicationScoped
public class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  static final Duration RETENTION = Duration.ofHours(24);
  private static final int MAX_KEY_LENGTH = 255;

  private final ObjectMapper json;

  public IdempotencyKeys(ObjectMapper json) {
    this.json = json;
  }

  public <T> Uni<Response> create(
      String key, Caller caller, String route, Object request, Supplier<Uni<Created<T>>> action) {
    if (key == null) {
      return Panache.withTransaction(action).map(IdempotencyKeys::created);
    }
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw ProblemException.invalidField(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
    }
    String id = sha256(caller.name() + '\n' + route + '\n' + key);
    String fingerprint = sha256(write(request));
    return Panache.<Response>withTransaction(
            () ->
                IdempotencyRecord.<IdempotencyRecord>findById(id)
                    .chain(
                        previous ->
                            previous != null
                                ? Uni.createFrom().item(replay(previous, fingerprint))
                                : action
                                    .get()
                                    .call(c -> remember(id, fingerprint, c))
                                    .map(IdempotencyKeys::created)))
        .onFailure()
        .recoverWithUni(
            // a retry racing the original fails on the unique key or on the resource's own
            // uniqueness check: if the original has committed, answer what it answered; else the
            // failure stands
            failure ->
                Panache.withSession(
                    () ->
                        IdempotencyRecord.<IdempotencyRecord>findById(id)
                            .map(
                                previous -> {
                                  if (previous == null) {
                                    throw failure instanceof RuntimeException runtime
                                        ? runtime
                                        : new IllegalStateException(failure);
                                  }
                                  return replay(previous, fingerprint);
                                })));
  }

  @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> forgetOldKeys() {
    return Panache.withTransaction(
            () -> IdempotencyRecord.delete("createdAt < ?1", Instant.now().minus(RETENTION)))
        .replaceWithVoid();
  }

  private <T> Uni<Void> remember(String id, String fingerprint, Created<T> created) {
    IdempotencyRecord record = new IdempotencyRecord();
    record.id = id;
    record.requestFingerprint = fingerprint;
    record.status = 201;
    record.responseBody = write(created.body());
    record.location = created.location() == null ? null : created.location().toString();
    record.resourceVersion = created.version();
    record.createdAt = Instant.now();
    return record
        .persist()
        .call(() -> Panache.getSession().chain(s -> s.flush()))
        .replaceWithVoid();
  }

  private static Response replay(IdempotencyRecord previous, String fingerprint) {
    if (!previous.requestFingerprint.equals(fingerprint)) {
      throw new ProblemException(
          422,
          "idempotency-key-reused",
          "Idempotency-Key reused",
          "This Idempotency-Key was already used for a different request body",
          List.of());
    }
    Response.ResponseBuilder answer =
        Response.status(previous.status)
            .type(MediaType.APPLICATION_JSON)
            .entity(previous.responseBody)
            .tag(ETags.of(previous.resourceVersion))
            .header(REPLAYED_HEADER, "true");
    if (previous.location != null) {
      answer.location(java.net.URI.create(previous.location));
    }
    return answer.build();
  }

  static <T> Response created(Created<T> created) {
    return Response.created(created.location())
        .entity(created.body())
        .tag(ETags.of(created.version()))
        .build();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise a request or response body", e);
    }
  }

  static String sha256(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
