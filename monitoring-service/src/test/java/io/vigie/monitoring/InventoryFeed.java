package io.vigie.monitoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.events.DomainEvent;
import io.vigie.events.EventJson;
import io.vigie.events.inventory.BackupTerms;
import io.vigie.events.inventory.ClientRegistered;
import io.vigie.events.inventory.ClientSnapshot;
import io.vigie.events.inventory.ContractTerms;
import io.vigie.events.inventory.GuestKind;
import io.vigie.events.inventory.HardwareSpec;
import io.vigie.events.inventory.HostedServiceCreated;
import io.vigie.events.inventory.HostedServiceKind;
import io.vigie.events.inventory.HostedServiceSnapshot;
import io.vigie.events.inventory.InventoryEvents;
import io.vigie.events.inventory.NetworkLink;
import io.vigie.events.inventory.PriorityTarget;
import io.vigie.events.inventory.ServerRegistered;
import io.vigie.events.inventory.ServerRole;
import io.vigie.events.inventory.ServerSnapshot;
import io.vigie.events.inventory.ServerStatus;
import io.vigie.events.inventory.ServerUpdated;
import io.vigie.events.inventory.SupportHours;
import io.vigie.events.inventory.VirtualMachineProvisioned;
import io.vigie.events.inventory.VirtualMachineSnapshot;
import io.vigie.testkit.KafkaEvents;
import io.vigie.testkit.KafkaResource;
import io.vigie.testkit.TestTokens;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionFactory;

/**
 * The inventory monitoring is fed from, in tests: publishes inventory events on the real broker (as
 * inventory-service's outbox does) and builds servers, guests, hosted services and clients, each
 * published and awaited until monitoring has applied it.
 *
 * <p>Servers registered here are named {@code <name>-<id>.example.net} ({@link #hostname}).
 */
public final class InventoryFeed {

  public static final ObjectMapper JSON = EventJson.newMapper();

  /** How long monitoring may take to apply an event. */
  private static final Duration APPLIED = Duration.ofSeconds(30);

  private InventoryFeed() {}

  /**
   * Waits for monitoring to have applied an event: checked at once and then every 10 ms, as
   * applying one takes a few milliseconds (Awaitility's default first look, after 100 ms, would
   * cost each server, guest and client a test registers a tenth of a second).
   */
  private static ConditionFactory applied() {
    return await().atMost(APPLIED).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10));
  }

  /** Publishes under {@code key} with a new event id; returns the id. */
  public static String publish(String key, DomainEvent event) {
    String id = UUID.randomUUID().toString();
    publish(key, id, event);
    return id;
  }

  /**
   * Publishes under {@code key} with the event id given (a redelivery reuses an id), as {@link
   * KafkaEvents#publish} does (the same binary-mode headers, acknowledged by the broker) but
   * through one producer kept for the JVM: a new producer per event costs its connection and
   * metadata.
   */
  public static void publish(String key, String eventId, DomainEvent event) {
    ProducerRecord<String, String> record;
    try {
      record = new ProducerRecord<>(InventoryEvents.TOPIC, key, JSON.writeValueAsString(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (eventId != null) {
      record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
    }
    record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
    record.headers().add("ce_type", event.eventType().getBytes(StandardCharsets.UTF_8));
    record.headers().add("ce_source", "/vigie/test".getBytes(StandardCharsets.UTF_8));
    record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
    try {
      producer().send(record).get(APPLIED.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not publish a test event to " + record.topic(), e);
    }
  }

  private static KafkaProducer<String, String> producer;

  private static synchronized KafkaProducer<String, String> producer() {
    if (producer == null) {
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
      producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
    return producer;
  }

  /** Publishes keyed by the event's aggregate, with a new event id; returns the id. */
  public static String publish(DomainEvent event) {
    return publish(event.aggregateId(), event);
  }

  // servers

  /** The host name of a server registered here as {@code name}. */
  public static String hostname(String name, UUID id) {
    return name + "-" + id + ".example.net";
  }

  /** A hypervisor in PAR-DC2, reachable on 10.2.0.21, with no client on it. */
  public static ServerSnapshot serverSnapshot(
      UUID id, String hostname, ServerStatus status, long version) {
    return serverSnapshot(id, hostname, "PAR-DC2", status, version);
  }

  /** The same in datacenter {@code datacenter}. */
  public static ServerSnapshot serverSnapshot(
      UUID id, String hostname, String datacenter, ServerStatus status, long version) {
    return new ServerSnapshot(
        id,
        hostname,
        UUID.randomUUID(),
        datacenter,
        null,
        null,
        Set.of(ServerRole.HYPERVISOR),
        status,
        new HardwareSpec(
            new HardwareSpec.Cpu("Intel Xeon E3-1245 v5", 1, 4, 8, new BigDecimal("3.5")),
            new HardwareSpec.Memory(64, "DDR4", true),
            null),
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
        version);
  }

  /** Registers an ACTIVE server called {@code name}; returns its id once monitoring knows it. */
  public static UUID activeServer(String name) {
    UUID id = UUID.randomUUID();
    registerServer(id, hostname(name, id));
    return id;
  }

  /** Registers ACTIVE server {@code id} (version 1) and waits until monitoring knows it. */
  public static void registerServer(UUID id, String hostname) {
    publish(
        id.toString(), new ServerRegistered(serverSnapshot(id, hostname, ServerStatus.ACTIVE, 1)));
    awaitTarget(id, ServerStatus.ACTIVE.name());
  }

  /**
   * Registers ACTIVE server {@code hostname} with these inventory network links (version 1);
   * returns its id once monitoring knows it.
   */
  public static UUID serverWithLinks(String hostname, List<NetworkLink> links) {
    UUID id = UUID.randomUUID();
    ServerSnapshot plain = serverSnapshot(id, hostname, ServerStatus.ACTIVE, 1);
    ServerSnapshot linked =
        new ServerSnapshot(
            plain.id(),
            plain.hostname(),
            plain.datacenterId(),
            plain.datacenterCode(),
            plain.rackId(),
            plain.rackPosition(),
            plain.roles(),
            plain.status(),
            plain.hardware(),
            links,
            plain.managementIp(),
            plain.publicIps(),
            plain.privateIps(),
            plain.vendor(),
            plain.model(),
            plain.serialNumber(),
            plain.purchaseDate(),
            plain.warrantyEnd(),
            plain.endOfLife(),
            plain.version());
    publish(id.toString(), new ServerRegistered(linked));
    awaitTarget(id, ServerStatus.ACTIVE.name());
    return id;
  }

  /** Publishes a new snapshot of server {@code id} and waits until its status is applied. */
  public static void updateServer(UUID id, String hostname, ServerStatus status, long version) {
    publish(id.toString(), new ServerUpdated(serverSnapshot(id, hostname, status, version)));
    awaitTarget(id, status.name());
  }

  /**
   * An ACTIVE server {@code hv-<id>.example.net} carrying one VM of {@code tenant}, so the tenant
   * is affected by what happens on it; returns its id once monitoring shows the VM on it.
   */
  public static UUID serverHosting(String tenant) {
    UUID server = activeServer("hv");
    guest(server, tenant);
    return server;
  }

  /** Waits until monitoring shows server {@code server} with {@code status}. */
  public static void awaitTarget(UUID server, String status) {
    applied()
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(TestTokens.engineer())
                    .get("/api/v1/targets/" + server)
                    .then()
                    .statusCode(200)
                    .body("server.status", equalTo(status)));
  }

  // guests

  /**
   * A guest of {@code tenant} on {@code host}, named {@code vm-<tenant>} or {@code ct-<tenant>}.
   */
  public static VirtualMachineSnapshot guestSnapshot(
      UUID id, UUID host, String tenant, GuestKind kind, long version) {
    return new VirtualMachineSnapshot(
        id,
        (kind == GuestKind.VM ? "vm-" : "ct-") + tenant,
        kind,
        host,
        UUID.randomUUID(),
        tenant,
        2,
        4,
        40,
        List.of("10.0.0.9"),
        "Debian 12",
        version);
  }

  /** Provisions a VM of {@code tenant} on {@code host}; returns its id once monitoring shows it. */
  public static UUID guest(UUID host, String tenant) {
    return guest(host, tenant, GuestKind.VM);
  }

  /** Provisions a guest of that kind; returns its id once monitoring shows it on {@code host}. */
  public static UUID guest(UUID host, String tenant, GuestKind kind) {
    UUID id = UUID.randomUUID();
    // keyed by the host, as inventory does, so one host's events keep their order
    publish(
        host.toString(), new VirtualMachineProvisioned(guestSnapshot(id, host, tenant, kind, 1)));
    awaitOn(host, "guests.id", id);
    return id;
  }

  // hosted services

  /** A website of {@code tenant} called {@code name}, running on those servers and VMs. */
  public static HostedServiceSnapshot hostedServiceSnapshot(
      UUID id,
      UUID clientId,
      String tenant,
      String name,
      String url,
      List<UUID> servers,
      List<UUID> vms,
      long version) {
    return new HostedServiceSnapshot(
        id,
        clientId,
        tenant,
        name,
        HostedServiceKind.WEBSITE,
        url,
        null,
        "nginx",
        servers,
        vms,
        version);
  }

  /**
   * A website {@code https://<name>.example.com} of {@code tenant} running on {@code server};
   * returns its id once monitoring shows it there.
   */
  public static UUID hostedService(String tenant, String name, UUID server) {
    return hostedService(tenant, UUID.randomUUID(), name, server);
  }

  /** The same, for the client {@code clientId} whose code is {@code tenant}. */
  public static UUID hostedService(String tenant, UUID clientId, String name, UUID server) {
    return createHostedService(
        hostedServiceSnapshot(
            UUID.randomUUID(),
            clientId,
            tenant,
            name,
            "https://" + name + ".example.com",
            List.of(server),
            List.of(),
            1),
        server);
  }

  /** A website of {@code tenant} running on VM {@code vm} of {@code host}. */
  public static UUID hostedServiceOnGuest(String tenant, String name, UUID vm, UUID host) {
    return createHostedService(
        hostedServiceSnapshot(
            UUID.randomUUID(),
            UUID.randomUUID(),
            tenant,
            name,
            "https://" + name + ".example.com",
            List.of(),
            List.of(vm),
            1),
        host);
  }

  /** The site {@code site-<tenant>} of {@code tenant} at {@code url}, served by {@code server}. */
  public static UUID website(UUID server, String tenant, String url) {
    return createHostedService(
        hostedServiceSnapshot(
            UUID.randomUUID(),
            UUID.randomUUID(),
            tenant,
            "site-" + tenant,
            url,
            List.of(server),
            List.of(),
            1),
        server);
  }

  private static UUID createHostedService(HostedServiceSnapshot service, UUID shownOn) {
    publish(service.id().toString(), new HostedServiceCreated(service));
    awaitOn(shownOn, "services.id", service.id());
    return service.id();
  }

  // clients

  /** Client {@code code} with a 24/7 contract promising {@code target} percent a month. */
  public static ClientSnapshot clientSnapshot(UUID id, String code, String target, long version) {
    return new ClientSnapshot(
        id,
        code,
        "Client " + code,
        "ops@" + code + ".example.com",
        new ContractTerms(
            new BigDecimal(target),
            new SupportHours(SupportHours.Coverage.ALWAYS, "Europe/Paris", List.of(), List.of()),
            List.of(
                new PriorityTarget(
                    PriorityTarget.Priority.P1, Duration.ofHours(1), Duration.ofHours(4))),
            new BackupTerms(1, 10, 7, 2, 2),
            null),
        version);
  }

  /**
   * Registers client {@code code} (version 1) with a contract promising {@code target} percent;
   * returns its id once monitoring reports on it.
   */
  public static UUID registerClient(String code, String target) {
    UUID id = UUID.randomUUID();
    publish(new ClientRegistered(clientSnapshot(id, code, target, 1)));
    String lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
    applied()
        .until(
            () ->
                given()
                        .auth()
                        .oauth2(TestTokens.support())
                        .get("/api/v1/availability/reports/" + code + "/" + lastMonth)
                        .statusCode()
                    == 200);
    return id;
  }

  /** Waits until the target {@code server} lists {@code id} at {@code path}. */
  private static void awaitOn(UUID server, String path, UUID id) {
    applied()
        .until(
            () ->
                String.valueOf(
                        given()
                            .auth()
                            .oauth2(TestTokens.engineer())
                            .get("/api/v1/targets/" + server)
                            .then()
                            .extract()
                            .<Object>path(path))
                    .contains(id.toString()));
  }
}
