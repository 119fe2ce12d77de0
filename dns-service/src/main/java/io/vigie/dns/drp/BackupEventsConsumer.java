package io.vigie.dns.drp;

import io.smallrye.mutiny.Uni;
import io.vigie.events.backup.BackupEvents;
import io.vigie.events.backup.DrpActivated;
import io.vigie.events.backup.DrpStepKind;
import io.vigie.events.backup.DrpStepStarted;
import io.vigie.kit.messaging.IdempotentConsumer;
import io.vigie.kit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Takes the DRP's DNS part from {@code backup.events}: {@code DrpActivated} lowers the TTL of the
 * client's failover record sets, a {@code DrpStepStarted} of kind {@code DNS_SWITCH} switches them.
 * Each event takes effect once (its id is recorded with the change); the servers are driven after
 * the commit.
 */
@ApplicationScoped
public class BackupEventsConsumer {

  public static final String CHANNEL = "backup-events";
  static final String CONSUMER = "dns-service-drp";

  private final IdempotentConsumer idempotent;
  private final DnsSwitches switches;

  public BackupEventsConsumer(IdempotentConsumer idempotent, DnsSwitches switches) {
    this.idempotent = idempotent;
    this.switches = switches;
  }

  @Incoming(CHANNEL)
  public Uni<Void> consume(Message<String> message) {
    return idempotent.acknowledgeAfter(message, this::handle);
  }

  private Uni<Void> handle(IncomingEvent event) {
    return switch (event.type()) {
      case BackupEvents.DRP_ACTIVATED -> {
        DrpActivated activated = event.data(DrpActivated.class);
        AtomicReference<List<UUID>> changed = new AtomicReference<>(List.of());
        yield idempotent
            .process(
                CONSUMER,
                event,
                () -> switches.lowerTtl(activated).invoke(changed::set).replaceWithVoid())
            .chain(() -> switches.applyZones(changed.get()));
      }
      case BackupEvents.DRP_STEP_STARTED -> {
        DrpStepStarted step = event.data(DrpStepStarted.class);
        if (step.kind() != DrpStepKind.DNS_SWITCH) {
          yield Uni.createFrom().voidItem();
        }
        AtomicReference<UUID> accepted = new AtomicReference<>();
        yield idempotent
            .process(
                CONSUMER,
                event,
                () -> switches.accept(step).invoke(accepted::set).replaceWithVoid())
            .chain(
                () ->
                    accepted.get() == null
                        ? Uni.createFrom().voidItem()
                        : switches.settle(accepted.get(), true));
      }
      default -> Uni.createFrom().voidItem(); // backups and RPO: not DNS's
    };
  }
}
