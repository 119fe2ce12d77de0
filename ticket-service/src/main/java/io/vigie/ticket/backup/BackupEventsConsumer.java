package io.vigie.ticket.backup;

import io.smallrye.mutiny.Uni;
import io.vigie.events.backup.BackupEvents;
import io.vigie.events.backup.BackupFailed;
import io.vigie.events.backup.BackupOverdue;
import io.vigie.events.backup.BackupSucceeded;
import io.vigie.events.backup.DrpAborted;
import io.vigie.events.backup.DrpActivated;
import io.vigie.events.backup.DrpCompleted;
import io.vigie.events.backup.DrpStepCompleted;
import io.vigie.events.backup.DrpStepFailed;
import io.vigie.events.backup.RpoBreached;
import io.vigie.events.backup.RpoRestored;
import io.vigie.kit.messaging.IdempotentConsumer;
import io.vigie.kit.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** backup-service's events: each applied once, in the transaction of its effect. */
@ApplicationScoped
public class BackupEventsConsumer {

  public static final String CHANNEL = "backup-events";
  static final String CONSUMER = "ticket-service.backup";

  private final IdempotentConsumer idempotent;
  private final BackupIncidentService incidents;

  public BackupEventsConsumer(IdempotentConsumer idempotent, BackupIncidentService incidents) {
    this.idempotent = idempotent;
    this.incidents = incidents;
  }

  @Incoming(CHANNEL)
  public Uni<Void> consume(Message<String> message) {
    return idempotent.acknowledgeAfter(message, this::handle);
  }

  private Uni<Void> handle(IncomingEvent event) {
    return switch (event.type()) {
      case BackupEvents.BACKUP_FAILED ->
          once(event, () -> incidents.backupFailed(event.data(BackupFailed.class)));
      case BackupEvents.BACKUP_OVERDUE ->
          once(event, () -> incidents.backupOverdue(event.data(BackupOverdue.class)));
      case BackupEvents.RPO_BREACHED ->
          once(event, () -> incidents.rpoBreached(event.data(RpoBreached.class)));
      case BackupEvents.RPO_RESTORED ->
          once(event, () -> incidents.rpoRestored(event.data(RpoRestored.class)));
      case BackupEvents.BACKUP_SUCCEEDED ->
          once(event, () -> incidents.backupSucceeded(event.data(BackupSucceeded.class)));
      case BackupEvents.DRP_ACTIVATED ->
          once(event, () -> incidents.drpActivated(event.data(DrpActivated.class)));
      case BackupEvents.DRP_STEP_COMPLETED ->
          once(event, () -> incidents.drpStepCompleted(event.data(DrpStepCompleted.class)));
      case BackupEvents.DRP_STEP_FAILED ->
          once(event, () -> incidents.drpStepFailed(event.data(DrpStepFailed.class)));
      case BackupEvents.DRP_ABORTED ->
          once(event, () -> incidents.drpAborted(event.data(DrpAborted.class)));
      case BackupEvents.DRP_COMPLETED ->
          once(event, () -> incidents.drpCompleted(event.data(DrpCompleted.class)));
      // a step starting is dns-service's business (the DNS switch); its completion is shown
      default -> Uni.createFrom().voidItem();
    };
  }

  private Uni<Void> once(IncomingEvent event, Supplier<Uni<Void>> effect) {
    return idempotent.process(CONSUMER, event, effect);
  }
}
