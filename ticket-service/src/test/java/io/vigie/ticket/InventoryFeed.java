package io.vigie.ticket;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.events.DomainEvent;
import io.vigie.events.EventJson;
import io.vigie.events.inventory.BackupTerms;
import io.vigie.events.inventory.BusinessDay;
import io.vigie.events.inventory.ClientRegistered;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.ContractTerms;
import io.vigie.events.inventory.GuestKind;
import io.vigie.events.inventory.HostedServiceCreated;
import io.vigie.events.inventory.HostedServiceKind;
import io.vigie.events.inventory.HostedServiceSnapshot;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.events.inventory.PriorityTarget;
import io.vigie.events.inventory.PriorityTarget.Priority;
import io.vigie.events.inventory.ServerRegistered;
import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.ServerSnapshot;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.events.inventory.SupportHours;
import io.vigie.events.inventory.VirtualMachineProvisioned;
import io.vigie.events.inventory.VirtualMachineSnapshot;
import io.vigie.testkit.KafkaEvents;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The inventory ticket-service is fed from, in tests: publishes inventory events on the real broker
 * (as inventory-service's outbox does) and waits until ticket-service has applied each.
 */
public final class InventoryFeed {

  public static final ObjectMapper JSON = EventJson.newMapper();
  private static final Duration APPLIED = Duration.ofSeconds(30);

  private InventoryFeed() {}

  /** A fresh tenant code, so tests never share data. */
  public static String tenant(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** 24/7: P1 GTI 1 h and resolution 4 h, P2 2 h / 8 h, P3 4 h / 2 days; no P4 target. */
  public static ContractTerms aroundTheClock() {
    return contract(
        new SupportHours(SupportHours.Coverage.ALWAYS, "Europe/Paris", List.of(), List.of()));
  }

  /** Monday to Friday 09:00-18:00 Paris time, same targets. */
  public static ContractTerms officeHours() {
    return contract(
        new SupportHours(
            SupportHours.Coverage.BUSINESS_HOURS,
            "Europe/Paris",
            List.of(DayOfWeek.values()).stream()
                .filter(d -> d.getValue() <= 5)
                .map(d -> new BusinessDay(d, LocalTime.of(9, 0), LocalTime.of(18, 0)))
                .toList(),
            List.of()));
  }

  private static ContractTerms contract(SupportHours hours) {
    return new ContractTerms(
        new BigDecimal("99.95"),
        hours,
        List.of(
            new PriorityTarget(Priority.P1, Duration.ofHours(1), Duration.ofHours(4)),
            new PriorityTarget(Priority.P2, Duration.ofHours(2), Duration.ofHours(8)),
            new PriorityTarget(Priority.P3, Duration.ofHours(4), Duration.ofDays(2))),
        new BackupTerms(1, 10, 7, 2, 2),
        null);
  }

  /** Publishes with a new event id; returns it. */
  public static String publish(DomainEvent event) {
    String eventId = UUID.randomUUID().toString();
    try {
      KafkaEvents.publish(
          InventoryEvents.TOPIC,
          event.aggregateId(),
          eventId,
          event.eventType(),
          JSON.writeValueAsString(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return eventId;
  }

  /** Publishes and waits until ticket-service processed the event (applied or skipped it). */
  public static void publishAndAwait(DomainEvent event) {
    String eventId = publish(event);
    Pool pool = Arc.container().instance(Pool.class).get();
    await()
        .atMost(APPLIED)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                pool.preparedQuery(
                            "select count(*) from processed_event where event_id = $1"
                                + " and consumer = 'ticket-service.inventory'")
                        .execute(Tuple.of(eventId))
                        .await()
                        .atMost(Duration.ofSeconds(5))
                        .iterator()
                        .next()
                        .getLong(0)
                    == 1);
  }

  /** Registers a client with {@code contract}; returns its id once ticket-service knows it. */
  public static UUID client(String code, ContractTerms contract) {
    UUID id = UUID.randomUUID();
    publish(
        new ClientRegistered(
            new ClientSnapshot(id, code, code + " SAS", "ops@" + code + ".example", contract, 1)));
    awaitRow("select count(*) from known_client where id = $1", id);
    return id;
  }

  /** Registers a hypervisor; returns its id once known. */
  public static UUID server(String name) {
    UUID id = UUID.randomUUID();
    publish(
        new ServerRegistered(
            new ServerSnapshot(
                id,
                name + "-" + id + ".example.net",
                UUID.randomUUID(),
                "PAR-DC2",
                null,
                null,
                Set.of(ServerRole.HYPERVISOR),
                ServerStatus.ACTIVE,
                null,
                List.of(),
                "10.2.0.21",
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                1)));
    awaitRow("select count(*) from known_server where id = $1", id);
    return id;
  }

  public static String hostname(String name, UUID id) {
    return name + "-" + id + ".example.net";
  }

  /** A container of {@code tenant} on {@code host}. */
  public static UUID guest(UUID clientId, String tenant, UUID host) {
    UUID id = UUID.randomUUID();
    publish(
        new VirtualMachineProvisioned(
            new VirtualMachineSnapshot(
                id,
                "ct-" + tenant,
                GuestKind.LXC,
                host,
                clientId,
                tenant,
                2,
                4,
                40,
                List.of("10.0.0.5"),
                "Debian 12",
                1)));
    awaitRow("select count(*) from known_guest where id = $1", id);
    return id;
  }

  /** A website of {@code tenant} served by {@code servers}. */
  public static UUID website(UUID clientId, String tenant, List<UUID> servers, List<UUID> guests) {
    UUID id = UUID.randomUUID();
    publish(
        new HostedServiceCreated(
            new HostedServiceSnapshot(
                id,
                clientId,
                tenant,
                "Boutique " + tenant,
                HostedServiceKind.WEBSITE,
                "https://shop." + tenant + ".example",
                443,
                "nginx",
                servers,
                guests,
                1)));
    awaitRow("select count(*) from known_hosted_service where id = $1", id);
    return id;
  }

  /** Waits until the client row holds inventory version {@code version}. */
  public static void awaitClientVersion(UUID id, long version) {
    awaitRow(
        "select count(*) from known_client where id = $1 and inventory_version = " + version, id);
  }

  private static void awaitRow(String countQuery, UUID id) {
    Pool pool = Arc.container().instance(Pool.class).get();
    await()
        .atMost(APPLIED)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                pool.preparedQuery(countQuery)
                        .execute(Tuple.of(id))
                        .await()
                        .atMost(Duration.ofSeconds(5))
                        .iterator()
                        .next()
                        .getLong(0)
                    == 1);
  }
}
