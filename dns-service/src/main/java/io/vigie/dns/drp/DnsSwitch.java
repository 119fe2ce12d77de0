package io.vigie.dns.drp;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.events.backup.DrpDirection;
import io.vigie.kit.json.JsonTextConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One DNS step of a DRP run: accepted once, applied, then verified by asking the servers. */
@Entity
@Table(name = "dns_switch")
public class DnsSwitch extends PanacheEntityBase {

  public enum State {
    /** Applied (or being applied); waiting for every server to answer the new addresses. */
    VERIFYING,
    /** Every server answered; {@code DnsSwitchApplied} published. */
    APPLIED,
    /** Refused or not verified before the deadline; {@code DnsSwitchFailed} published. */
    FAILED
  }

  /** What one provider's server must answer for one record set once switched. */
  public record Target(
      UUID zoneId,
      String zone,
      List<String> providers,
      String name,
      String type,
      List<String> records) {}

  @Id public UUID id;

  @Column(name = "plan_id", nullable = false)
  public UUID planId;

  @Column(name = "run_id", nullable = false)
  public UUID runId;

  @Column(nullable = false)
  public String tenant;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DrpDirection direction;

  @Column(nullable = false)
  public int position;

  @Convert(converter = AddressesConverter.class)
  @Column(nullable = false)
  public List<String> addresses;

  @Convert(converter = TargetsConverter.class)
  @Column(nullable = false)
  public List<Target> targets;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public State state;

  public String detail;

  @Column(name = "accepted_at", nullable = false)
  public Instant acceptedAt;

  @Column(nullable = false)
  public Instant deadline;

  @Column(name = "finished_at")
  public Instant finishedAt;

  public static class AddressesConverter extends JsonTextConverter<List<String>> {
    public AddressesConverter() {
      super(new TypeReference<>() {});
    }
  }

  public static class TargetsConverter extends JsonTextConverter<List<Target>> {
    public TargetsConverter() {
      super(new TypeReference<>() {});
    }
  }
}
