package io.vigie.ticket.backup;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The ticket that keeps a client informed of one DRP run. */
@Entity
@Table(name = "drp_run_ticket")
public class DrpRunTicket extends PanacheEntityBase {

  @Id
  @Column(name = "run_id")
  public UUID runId;

  @Column(name = "plan_id", nullable = false)
  public UUID planId;

  @Column(name = "ticket_id", nullable = false)
  public UUID ticketId;
}
