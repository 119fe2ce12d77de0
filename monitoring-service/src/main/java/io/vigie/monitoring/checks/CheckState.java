package io.vigie.monitoring.checks;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The latest result of one check on one server, and how long it has been so. */
@Entity
@Table(name = "check_state")
@IdClass(CheckState.Key.class)
public class CheckState extends PanacheEntityBase {

  @Id
  @Column(name = "server_id")
  public UUID serverId;

  @Id
  @Column(name = "check_name")
  public String checkName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CheckStatus status;

  @Column(nullable = false)
  public String output;

  @Column(name = "last_result_at", nullable = false)
  public Instant lastResultAt;

  @Column(name = "status_since", nullable = false)
  public Instant statusSince;

  @Column(name = "consecutive_failures", nullable = false)
  public int consecutiveFailures;

  /** The result before the latest one, while handling the latest (not stored). */
  @Transient public Instant previousResultAt;

  /** Set when the check tests a hosted service on the server. */
  @Column(name = "hosted_service_id")
  public UUID hostedServiceId;

  /**
   * Takes a newer result into the state; an older one (late or replayed) changes nothing and
   * returns false.
   */
  public boolean apply(CheckStatus newStatus, String newOutput, Instant executedAt) {
    if (lastResultAt != null && !executedAt.isAfter(lastResultAt)) {
      return false;
    }
    previousResultAt = lastResultAt;
    if (status != newStatus) {
      statusSince = executedAt;
    }
    consecutiveFailures = newStatus.failing() ? consecutiveFailures + 1 : 0;
    status = newStatus;
    output = newOutput;
    lastResultAt = executedAt;
    return true;
  }

  /** Composite key: one state per server and check. */
  public static class Key implements Serializable {
    public UUID serverId;
    public String checkName;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(serverId, key.serverId)
          && Objects.equals(checkName, key.checkName);
    }

    @Override
    public int hashCode() {
      return Objects.hash(serverId, checkName);
    }
  }
}
