package io.vigie.kit.web;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The first answer to a create sent with an Idempotency-Key, replayed to its retries. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

  /** SHA-256 of caller, route and key: keys are per caller, never shared between clients. */
  @Id public String id;

  @Column(name = "request_fingerprint", nullable = false)
  public String requestFingerprint;

  @Column(nullable = false)
  public int status;

  @Column(name = "response_body", nullable = false)
  public String responseBody;

  public String location;

  @Column(name = "resource_version", nullable = false)
  public long resourceVersion;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
