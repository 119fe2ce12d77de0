package io.vigie.ticket.tickets;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a ticket is about: a server, VM, hosted service (inventory ids) or alert (fingerprint). */
@Entity
@Table(name = "ticket_link")
@IdClass(TicketLink.Key.class)
public class TicketLink extends PanacheEntityBase {

  /** The kinds of things a ticket links to. */
  @Schema(name = "TicketLinkKind")
  public enum Kind {
    SERVER,
    VIRTUAL_MACHINE,
    HOSTED_SERVICE,
    ALERT,
    /** The host-down incident a ticket is grouped under (set by monitoring's grouping only). */
    INCIDENT
  }

  @Id
  @Column(name = "ticket_id")
  public UUID ticketId;

  @Id
  @Enumerated(EnumType.STRING)
  public Kind kind;

  /** The inventory id, the alert's fingerprint, or the incident's id. */
  @Id public String target;

  /** A name to show: host name, VM or service name, alert summary. */
  public String label;

  public static TicketLink of(UUID ticketId, Kind kind, String target, String label) {
    TicketLink link = new TicketLink();
    link.ticketId = ticketId;
    link.kind = kind;
    link.target = target;
    link.label = label;
    return link;
  }

  /** The composite key. */
  public static class Key implements Serializable {
    public UUID ticketId;
    public Kind kind;
    public String target;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && java.util.Objects.equals(ticketId, k.ticketId)
          && kind == k.kind
          && java.util.Objects.equals(target, k.target);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(ticketId, kind, target);
    }
  }
}
