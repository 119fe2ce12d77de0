package io.vigie.inventory.datacenters;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.events.inventory.RackSnapshot;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A rack in a datacenter room, counted in rack units (U). */
@Entity
@Table(name = "rack")
public class Rack extends PanacheEntityBase {

  @Id public UUID id;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "datacenter_id")
  public Datacenter datacenter;

  @Column(nullable = false)
  public String name;

  public String room;

  @Column(nullable = false)
  public int units;

  @Version public long version;

  public RackSnapshot snapshot() {
    return new RackSnapshot(id, datacenter.id, name, room, units, version);
  }
}
