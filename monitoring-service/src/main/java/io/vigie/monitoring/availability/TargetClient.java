package io.vigie.monitoring.availability;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A client and its contract's availability target, as monitoring keeps them from the inventory. */
@Entity
@Table(name = "target_client")
public class TargetClient extends PanacheEntityBase {

  @Id public UUID id;

  /** The tenant code carried by the client's tokens. */
  @Column(nullable = false)
  public String code;

  @Column(nullable = false)
  public String name;

  /** Monthly availability promised, in percent (e.g. 99.95); null without a contract. */
  @Column(name = "availability_target")
  public BigDecimal availabilityTarget;

  @Column(name = "inventory_version", nullable = false)
  public long inventoryVersion;
}
