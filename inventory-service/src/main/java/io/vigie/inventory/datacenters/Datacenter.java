package io.vigie.inventory.datacenters;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.events.inventory.Certification;
import io.vigie.events.inventory.DatacenterSnapshot;
import io.vigie.inventory.ArrayColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A datacenter (site) the hoster has racks in, e.g. Paris DC2, Tier III, ISO 27001 and HDS. */
@Entity
@Table(name = "datacenter")
public class Datacenter extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false, unique = true)
  public String code;

  @Column(nullable = false)
  public String name;

  public String operator;
  public String city;

  @Column(nullable = false)
  public String country;

  /** Uptime Institute tier, 1 to 4. */
  public int tier;

  @Convert(converter = ArrayColumns.Certifications.class)
  @Column(nullable = false)
  public TreeSet<Certification> certifications = new TreeSet<>();

  @Version public long version;

  public DatacenterSnapshot snapshot() {
    return new DatacenterSnapshot(
        id, code, name, operator, city, country, tier, Set.copyOf(certifications), version);
  }
}
