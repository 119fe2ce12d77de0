package io.vigie.dns.zone;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.kit.json.JsonTextConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** One RRset of a zone, stored. */
@Entity
@Table(name = "record_set")
public class RecordSetRow extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "zone_id", nullable = false)
  public UUID zoneId;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String type;

  @Column(nullable = false)
  public long ttl;

  @Convert(converter = RecordsConverter.class)
  @Column(nullable = false)
  public List<String> records;

  @Column(name = "failover_group")
  public String failoverGroup;

  /** The TTL before a DRP lowered it; given back on the return to production. */
  @Column(name = "production_ttl")
  public Long productionTtl;

  public RecordSet recordSet() {
    return new RecordSet(name, type, ttl, records);
  }

  static RecordSetRow of(UUID zoneId, RecordSet set) {
    RecordSetRow row = new RecordSetRow();
    row.id = io.vigie.kit.id.Uuids.timeOrdered();
    row.zoneId = zoneId;
    row.name = set.name();
    row.type = set.type();
    row.ttl = set.ttl();
    row.records = set.records();
    return row;
  }

  /** The records' data as a JSON array. */
  public static class RecordsConverter extends JsonTextConverter<List<String>> {
    public RecordsConverter() {
      super(new TypeReference<>() {});
    }
  }
}
