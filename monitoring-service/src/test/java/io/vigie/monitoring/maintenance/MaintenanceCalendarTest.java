package io.vigie.monitoring.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vigie.monitoring.InventoryFeed;
import io.vigie.monitoring.availability.Availability.Interval;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The bean the alerting engine calls, against windows declared through the API. */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class MaintenanceCalendarTest {

  @Inject MaintenanceCalendar calendar;

  @Test
  void aOneOffWindowSuppressesItsServerDuringItsHourOnly() {
    UUID a = InventoryFeed.activeServer("web-a");
    UUID b = InventoryFeed.activeServer("web-b");
    MaintenanceWindowsTest.create(
        MaintenanceWindowsTest.window(
            List.of(a), List.of(), "2026-12-15T10:00:00Z", "2026-12-15T11:00:00Z"));

    assertThat(suppresses(a, null, "2026-12-15T10:30:00Z")).isTrue();
    assertThat(suppresses(a, null, "2026-12-15T10:00:00Z")).isTrue();
    assertThat(suppresses(b, null, "2026-12-15T10:30:00Z")).isFalse();
    assertThat(suppresses(a, null, "2026-12-15T11:30:00Z")).isFalse();
    assertThat(suppresses(a, null, "2026-12-15T11:00:00Z")).isFalse(); // the end is excluded
    assertThat(suppresses(a, null, "2026-12-15T09:59:59Z")).isFalse();

    List<Interval> day =
        onVertx(
            () ->
                calendar.maintenance(
                    a, null, t("2026-12-15T00:00:00Z"), t("2026-12-16T00:00:00Z")));
    assertThat(day)
        .containsExactly(new Interval(t("2026-12-15T10:00:00Z"), t("2026-12-15T11:00:00Z")));
    // clipped to the period asked
    assertThat(
            onVertx(
                () ->
                    calendar.maintenance(
                        a, null, t("2026-12-15T10:30:00Z"), t("2026-12-15T12:00:00Z"))))
        .containsExactly(new Interval(t("2026-12-15T10:30:00Z"), t("2026-12-15T11:00:00Z")));
  }

  @Test
  void aWeeklyWindowSuppressesEachOccurrence() {
    UUID server = InventoryFeed.activeServer("db");
    Map<String, Object> weekly =
        MaintenanceWindowsTest.window(
            List.of(server), List.of(), "2026-12-01T02:00:00Z", "2026-12-01T03:00:00Z");
    weekly.put("rrule", "FREQ=WEEKLY;BYDAY=TU");
    MaintenanceWindowsTest.create(weekly);

    assertThat(suppresses(server, null, "2026-12-22T02:30:00Z")).isTrue(); // fourth Tuesday
    assertThat(suppresses(server, null, "2027-03-02T02:59:00Z")).isTrue();
    assertThat(suppresses(server, null, "2026-12-23T02:30:00Z")).isFalse(); // a Wednesday
    assertThat(suppresses(server, null, "2026-12-22T03:30:00Z")).isFalse();
    assertThat(suppresses(server, null, "2026-11-24T02:30:00Z")).isFalse(); // before it began
  }

  @Test
  void hostedServicesAreCoveredByTheirOwnWindowsAndByTheirServersWindows() {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    UUID host = InventoryFeed.activeServer("hv");
    UUID probe = InventoryFeed.activeServer("probe");
    UUID vm = InventoryFeed.guest(host, tenant);
    // the shop runs on a VM on `host`; its HTTP check runs from `probe`
    UUID shop = InventoryFeed.hostedServiceOnGuest(tenant, "shop", vm, host);
    UUID blog = InventoryFeed.hostedService(tenant, "blog", probe);
    MaintenanceWindowsTest.create(
        MaintenanceWindowsTest.window(
            List.of(host), List.of(), "2026-12-16T01:00:00Z", "2026-12-16T02:00:00Z"));
    MaintenanceWindowsTest.create(
        MaintenanceWindowsTest.window(
            List.of(), List.of(blog), "2026-12-17T01:00:00Z", "2026-12-17T02:00:00Z"));

    // the host's window covers the shop, wherever its check runs from
    assertThat(suppresses(probe, shop, "2026-12-16T01:30:00Z")).isTrue();
    assertThat(suppresses(probe, null, "2026-12-16T01:30:00Z")).isFalse();
    // the blog's own window covers checks of the blog, not the server's own checks
    assertThat(suppresses(probe, blog, "2026-12-17T01:30:00Z")).isTrue();
    assertThat(suppresses(probe, null, "2026-12-17T01:30:00Z")).isFalse();
    assertThat(suppresses(probe, shop, "2026-12-17T01:30:00Z")).isFalse();
    assertThat(
            onVertx(
                () ->
                    calendar.maintenance(
                        null, shop, t("2026-12-16T00:00:00Z"), t("2026-12-18T00:00:00Z"))))
        .containsExactly(new Interval(t("2026-12-16T01:00:00Z"), t("2026-12-16T02:00:00Z")));
  }

  @Test
  void aCancelledWindowNoLongerSuppresses() {
    UUID server = InventoryFeed.activeServer("mail");
    Instant start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String id =
        MaintenanceWindowsTest.create(
            MaintenanceWindowsTest.window(
                List.of(server),
                List.of(),
                start.toString(),
                start.plus(1, ChronoUnit.HOURS).toString()));
    Instant during = start.plus(30, ChronoUnit.MINUTES);
    assertThat(suppresses(server, null, during.toString())).isTrue();

    MaintenanceWindowsTest.as(TestTokens.admin())
        .delete("/api/v1/maintenance-windows/" + id)
        .then()
        .statusCode(204);
    assertThat(suppresses(server, null, during.toString())).isFalse();
  }

  private boolean suppresses(UUID server, UUID service, String at) {
    return onVertx(() -> calendar.suppresses(server, service, t(at)));
  }

  /** Runs a reactive call of the calendar on a Vert.x context, as a request would, and waits. */
  private static <T> T onVertx(Supplier<Uni<T>> call) {
    try {
      return VertxContextSupport.subscribeAndAwait(call);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant t(String instant) {
    return Instant.parse(instant);
  }
}
