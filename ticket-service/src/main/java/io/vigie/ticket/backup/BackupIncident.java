package io.vigie.ticket.backup;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An incident opened for a backup policy (failure, overdue run or RPO breach). */
@Entity
@Table(name = "backup_incident")
public class BackupIncident extends PanacheEntityBase {

  @Id
  @Column(name = "ticket_id")
  public UUID ticketId;

  @Column(name = "policy_id", nullable = false)
  public UUID policyId;

  @Column(nullable = false)
  public String tenant;
}
