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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse;

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

  /**
   * Runs {@code action} once per key: 201 with the body, {@code Location} and {@code ETag}; a retry
   * with the same key and body gets the first answer again with {@code Idempotent-Replayed: true};
   * the same key with another body gets 422. Without a key, every call creates.
   */
  public <T> Uni<RestResponse<T>> create(
      String key, Caller caller, String route, Object request, Supplier<Uni<Created<T>>> action) {
    if (key == null) {
      return Panache.withTransaction(action).map(Created::response);
    }
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw ProblemException.invalidField(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
    }
    String id = sha256(caller.name() + '\n' + route + '\n' + key);
    String fingerprint = sha256(write(request));
    return Panache.<RestResponse<T>>withTransaction(
            () ->
                IdempotencyRecord.<IdempotencyRecord>findById(id)
                    .chain(
                        previous ->
                            previous != null
                                ? Uni.createFrom().item(this.<T>replay(previous, fingerprint))
                                : action
                                    .get()
                                    .call(c -> remember(id, fingerprint, c))
                                    .map(Created::response)))
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
                                  return this.<T>replay(previous, fingerprint);
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

  /** The stored answer, its body read back as JSON (the type a client sees is the same). */
  @SuppressWarnings("unchecked")
  private <T> RestResponse<T> replay(IdempotencyRecord previous, String fingerprint) {
    if (!previous.requestFingerprint.equals(fingerprint)) {
      throw new ProblemException(
          422,
          "idempotency-key-reused",
          "Idempotency-Key reused",
          "This Idempotency-Key was already used for a different request body",
          List.of());
    }
    Object body;
    try {
      body = json.readTree(previous.responseBody);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read a stored idempotent answer", e);
    }
    RestResponse.ResponseBuilder<T> answer =
        RestResponse.ResponseBuilder.<T>create(RestResponse.Status.fromStatusCode(previous.status))
            .entity((T) body)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .tag(ETags.of(previous.resourceVersion))
            .header(REPLAYED_HEADER, "true");
    if (previous.location != null) {
      answer.location(java.net.URI.create(previous.location));
    }
    return answer.build();
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
