package io.vigie.inventory.servers;

import io.smallrye.mutiny.Uni;
import io.vigie.events.monitoring.HostUsageRolledUp;
import io.vigie.events.monitoring.MonitoringEvents;
import io.vigie.kit.messaging.IdempotentConsumer;
import io.vigie.kit.messaging.IncomingEvent;
import io.vigie.kit.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the hourly usage of each server from monitoring's rollups, for capacity reports. Other
 * monitoring events are none of the inventory's business and are acknowledged unread.
 */
@ApplicationScoped
public class MonitoringEventsConsumer {

  public static final String CHANNEL = "monitoring-events";

  /** The name this service records processed event ids under. */
  static final String CONSUMER = "inventory-service";

  private final IdempotentConsumer idempotent;

  public MonitoringEventsConsumer(IdempotentConsumer idempotent) {
    this.idempotent = idempotent;
  }

  /**
   * Acknowledges only once the usage is committed; a nack hands the message to the channel's
   * dead-letter topic, so one bad record never blocks the partition.
   */
  @Incoming(CHANNEL)
  public Uni<Void> consume(Message<String> message) {
    return idempotent.acknowledgeAfter(message, this::handle);
  }

  private Uni<Void> handle(IncomingEvent event) {
    if (!MonitoringEvents.HOST_USAGE_ROLLED_UP.equals(event.type())) {
      return Uni.createFrom().voidItem();
    }
    HostUsageRolledUp usage = event.data(HostUsageRolledUp.class);
    if (usage.serverId() == null || usage.hourStart() == null) {
      throw new PoisonMessageException(
          "event " + event.id() + " has no server id or hour: " + usage);
    }
    return idempotent.process(CONSUMER, event, () -> record(usage));
  }

  /** A rollup recomputed for the same hour replaces the earlier figures. */
  private static Uni<Void> record(HostUsageRolledUp usage) {
    return Server.count("id", usage.serverId())
        .chain(
            known -> {
              if (known == 0) {
                throw new PoisonMessageException(
                    "usage for unknown server " + usage.serverId() + " at " + usage.hourStart());
              }
              return HostUsage.<HostUsage>find(
                      "serverId = ?1 and hourStart = ?2", usage.serverId(), usage.hourStart())
                  .<HostUsage>firstResult();
            })
        .chain(
            existing -> {
              HostUsage row = existing == null ? new HostUsage() : existing;
              row.cpuUsedPercent = usage.cpuUsedPercent();
              row.ramUsedGb = usage.ramUsedGb();
              row.diskUsedGb = usage.diskUsedGb();
              if (existing != null) {
                return Uni.createFrom().voidItem();
              }
              row.serverId = usage.serverId();
              row.hourStart = usage.hourStart();
              return row.persist().replaceWithVoid();
            });
  }
}
