package io.vigie.inventory.clients;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.ContractTerms;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A client of the hoster: a tenant, with the contract that says what it was promised. */
@Entity
@Table(name = "client")
public class Client extends PanacheEntityBase {

  @Id public UUID id;

  /** Tenant identifier carried by the client's tokens; never changes. */
  @Column(nullable = false, unique = true, updatable = false)
  public String code;

  @Column(nullable = false)
  public String name;

  @Column(name = "contact_email")
  public String contactEmail;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public ContractTerms contract;

  @Version public long version;

  public ClientSnapshot snapshot() {
    return new ClientSnapshot(id, code, name, contactEmail, contract, version);
  }
}
