package io.vigie.backup.drp;

import io.smallrye.mutiny.Uni;
import io.vigie.events.dns.DnsEvents;
import io.vigie.events.dns.DnsSwitchApplied;
import io.vigie.events.dns.DnsSwitchFailed;
import io.vigie.kit.messaging.IdempotentConsumer;
import io.vigie.kit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Completes or fails a DRP run's DNS switch from what dns-service reports on {@code dns.events};
 * each event applied once, with the run's next state and events in the same transaction. The other
 * DNS events are not backup-service's business.
 */
@ApplicationScoped
public class DnsEventsConsumer {

  public static final String CHANNEL = "dns-events";
  static final String CONSUMER = "backup-service-drp";

  private final IdempotentConsumer idempotent;
  private final DrpRunService runs;

  public DnsEventsConsumer(IdempotentConsumer idempotent, DrpRunService runs) {
    this.idempotent = idempotent;
    this.runs = runs;
  }

  @Incoming(CHANNEL)
  public Uni<Void> consume(Message<String> message) {
    return idempotent.acknowledgeAfter(message, this::handle);
  }

  private Uni<Void> handle(IncomingEvent event) {
    return switch (event.type()) {
      case DnsEvents.DNS_SWITCH_APPLIED -> {
        DnsSwitchApplied applied = event.data(DnsSwitchApplied.class);
        yield idempotent.process(CONSUMER, event, () -> runs.switchApplied(applied));
      }
      case DnsEvents.DNS_SWITCH_FAILED -> {
        DnsSwitchFailed failed = event.data(DnsSwitchFailed.class);
        yield idempotent.process(CONSUMER, event, () -> runs.switchFailed(failed));
      }
      default -> Uni.createFrom().voidItem();
    };
  }
}
