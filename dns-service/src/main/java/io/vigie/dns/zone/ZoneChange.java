package io.vigie.dns.zone;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.kit.json.JsonTextConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The audit trail: one accepted change of a zone, who made it, when, why, before and after. */
@Entity
@Table(name = "zone_change")
public class ZoneChange extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "zone_id", nullable = false)
  public UUID zoneId;

  @Column(nullable = false)
  public String tenant;

  @Column(nullable = false)
  public String actor;

  public String reason;

  @Column(name = "changed_at", nullable = false)
  public Instant changedAt;

  @Column(nullable = false)
  public long serial;

  @Convert(converter = ChangesConverter.class)
  @Column(nullable = false)
  public List<ZoneViews.RecordSetChange> changes;

  public static class ChangesConverter extends JsonTextConverter<List<ZoneViews.RecordSetChange>> {
    public ChangesConverter() {
      super(new TypeReference<>() {});
    }
  }
}
