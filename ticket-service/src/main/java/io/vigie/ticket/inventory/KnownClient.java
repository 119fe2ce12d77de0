package io.vigie.ticket.inventory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.vigie.events.inventory.ContractTerms;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A client and its contract, as ticket-service keeps them from the inventory. */
@Entity
@Table(name = "known_client")
public class KnownClient extends PanacheEntityBase {

  @Id public UUID id;

  /** The tenant code carried by the client's tokens. */
  @Column(nullable = false)
  public String code;

  @Column(nullable = false)
  public String name;

  /** The terms the clocks count against; null without a contract. */
  @JdbcTypeCode(SqlTypes.JSON)
  public ContractTerms contract;

  @Column(name = "inventory_version", nullable = false)
  public long inventoryVersion;

  public static Uni<KnownClient> byCode(String code) {
    return find("code", code).firstResult();
  }
}
