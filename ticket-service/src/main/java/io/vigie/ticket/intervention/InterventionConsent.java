package io.vigie.ticket.intervention;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One affected client's consent, with the parts of the intervention that concern it. */
@Entity
@Table(name = "intervention_consent")
@IdClass(InterventionConsent.Key.class)
public class InterventionConsent extends PanacheEntityBase {

  @Id
  @Column(name = "intervention_id")
  public UUID interventionId;

  @Id public String tenant;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ConsentAnswer answer;

  public String reason;

  @Column(name = "proposed_starts_at")
  public Instant proposedStartsAt;

  @Column(name = "proposed_ends_at")
  public Instant proposedEndsAt;

  @Column(name = "answered_by")
  public String answeredBy;

  @Column(name = "answered_at")
  public Instant answeredAt;

  @Column(name = "server_ids", nullable = false)
  public UUID[] serverIds = new UUID[0];

  @Column(name = "guest_ids", nullable = false)
  public UUID[] guestIds = new UUID[0];

  @Column(name = "hosted_service_ids", nullable = false)
  public UUID[] hostedServiceIds = new UUID[0];

  /** Back to "no answer yet" (the window moved). */
  void reset() {
    answer = ConsentAnswer.PENDING;
    reason = null;
    proposedStartsAt = null;
    proposedEndsAt = null;
    answeredBy = null;
    answeredAt = null;
  }

  /** Composite key: one consent per client and intervention. */
  public static class Key implements Serializable {
    public UUID interventionId;
    public String tenant;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(interventionId, key.interventionId)
          && Objects.equals(tenant, key.tenant);
    }

    @Override
    public int hashCode() {
      return Objects.hash(interventionId, tenant);
    }
  }
}
