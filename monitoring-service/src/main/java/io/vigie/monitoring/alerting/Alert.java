package io.vigie.monitoring.alerting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One alert: open (pending or firing) while {@code resolvedAt} is null, kept afterwards as history.
 * Holds the persisted state of its {@link AlertLifecycle}, so a restart resumes it as it was.
 */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

  /** Where an alert stands; RESOLVED and DISCARDED (cleared before its `for`) are final. */
  public enum State {
    PENDING,
    FIRING,
    RESOLVED,
    DISCARDED
  }

  @Id public UUID id;

  @Column(nullable = false)
  public String fingerprint;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public State state;

  @Column(name = "server_id", nullable = false)
  public UUID serverId;

  @Column(name = "hosted_service_id")
  public UUID hostedServiceId;

  /** What is affected: the server, a guest on it, or a hosted service, by name. */
  @Column(nullable = false)
  public String target;

  /** What raised it, e.g. {@code check:check_http}, {@code rule:filesystem-space-low}. */
  @Column(nullable = false)
  public String source;

  @Column(nullable = false)
  public String severity;

  @Column(nullable = false)
  public String summary;

  @Convert(converter = LabelsColumn.class)
  @Column(nullable = false)
  public TreeMap<String, String> labels = new TreeMap<>();

  @Convert(converter = LabelsColumn.class)
  @Column(nullable = false)
  public TreeMap<String, String> annotations = new TreeMap<>();

  /** A host-down alert: other alerts of the same server are grouped under it. */
  @Column(name = "host_down", nullable = false)
  public boolean hostDown;

  /** When the condition began (the pending start). */
  @Column(name = "started_at", nullable = false)
  public Instant startedAt;

  @Column(name = "fired_at")
  public Instant firedAt;

  @Column(name = "clear_since")
  public Instant clearSince;

  @Column(name = "last_observation")
  public Instant lastObservation;

  @Column(nullable = false)
  public int flaps;

  @Column(name = "for_seconds", nullable = false)
  public long forSeconds;

  @Column(name = "clear_for_seconds", nullable = false)
  public long clearForSeconds;

  /** When it resolved, or was discarded. */
  @Column(name = "resolved_at")
  public Instant resolvedAt;

  /** Whether {@code AlertFired} was published (the on-call was paged). */
  @Column(nullable = false)
  public boolean notified;

  /**
   * Why a firing alert was not published: {@code maintenance-window}, {@code server-maintenance}.
   */
  @Column(name = "suppressed_by")
  public String suppressedBy;

  /** The host-down alert this one is grouped under instead of paging on its own. */
  @Column(name = "grouped_under")
  public UUID groupedUnder;

  public boolean open() {
    return state == State.PENDING || state == State.FIRING;
  }

  AlertLifecycle lifecycle() {
    AlertLifecycle.Timing timing =
        new AlertLifecycle.Timing(
            Duration.ofSeconds(forSeconds), Duration.ofSeconds(clearForSeconds));
    AlertLifecycle.Status status =
        switch (state) {
          case PENDING -> AlertLifecycle.Status.PENDING;
          case FIRING -> AlertLifecycle.Status.FIRING;
          case RESOLVED, DISCARDED -> AlertLifecycle.Status.INACTIVE;
        };
    return AlertLifecycle.restore(timing, status, startedAt, clearSince, lastObservation, flaps);
  }
}
