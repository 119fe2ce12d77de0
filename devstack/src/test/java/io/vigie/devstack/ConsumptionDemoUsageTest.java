package io.vigie.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The demo's usage hours against a real PostgreSQL with monitoring-service's rollup tables (their
 * migrations' columns): every hour of a guest and of a server without guests written once, a
 * hypervisor left to its guests, plausible figures, and a second start writing nothing twice.
 */
class ConsumptionDemoUsageTest {

  @Test
  void aMonthOfHoursForGuestsAndServersWithoutGuests() throws Exception {
    UUID hv = UUID.randomUUID();
    UUID dedicated = UUID.randomUUID();
    UUID vm = UUID.randomUUID();
    try (EmbeddedPostgres pg =
            EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(new File("target/embedded-pg"))
                .start();
        Connection db = pg.getPostgresDatabase().getConnection();
        Statement sql = db.createStatement()) {
      sql.execute(
          "create table target_server (id uuid primary key, roles text not null, status text not"
              + " null, cpu_threads integer, ram_gb integer, disk_gb bigint)");
      sql.execute(
          "create table target_guest (id uuid primary key, host_server_id uuid not null, vcpus"
              + " integer not null default 0, ram_gb integer not null default 0, disk_gb integer"
              + " not null default 0)");
      sql.execute(
          "create table host_usage_hour (server_id uuid not null, hour_start timestamptz not"
              + " null, samples integer not null, cpu_sum double precision not null, ram_gb_sum"
              + " double precision not null, disk_gb_sum double precision not null, published"
              + " boolean not null default false, primary key (server_id, hour_start))");
      sql.execute(
          "create table guest_usage_hour (guest_id uuid not null, hour_start timestamptz not"
              + " null, server_id uuid not null, samples integer not null, cpu_sum double"
              + " precision not null, ram_gb_sum double precision not null, disk_gb_sum double"
              + " precision not null, primary key (guest_id, hour_start))");
      sql.execute(
          "insert into target_server values ('"
              + hv
              + "', 'HYPERVISOR', 'ACTIVE', 32, 256, 4000), ('"
              + dedicated
              + "', 'WEB', 'ACTIVE', 8, 64, null)");
      sql.execute("insert into target_guest values ('" + vm + "', '" + hv + "', 4, 8, 50)");

      Instant from = Instant.parse("2026-10-01T00:00:00Z");
      Instant to = Instant.parse("2026-11-30T11:00:00Z");
      int hours = 61 * 24 - 13; // October's 744 hours and November's up to 11:00
      assertThat(ConsumptionDemo.writeUsage(db, from, to)).isEqualTo(2 * hours);
      assertThat(ConsumptionDemo.writeUsage(db, from, to)).isZero();
      try (ResultSet r =
          sql.executeQuery(
              "select count(*), min(cpu_sum / samples), max(cpu_sum / samples), min(ram_gb_sum /"
                  + " samples), max(ram_gb_sum / samples), min(disk_gb_sum / samples),"
                  + " max(disk_gb_sum / samples), min(hour_start), max(hour_start) from"
                  + " guest_usage_hour where guest_id = '"
                  + vm
                  + "' and server_id = '"
                  + hv
                  + "'")) {
        r.next();
        assertThat(r.getInt(1)).isEqualTo(hours);
        assertThat(r.getDouble(2)).isBetween(8.0, 100.0);
        assertThat(r.getDouble(3)).isBetween(40.0, 100.0);
        assertThat(r.getDouble(4)).isGreaterThan(2.0);
        assertThat(r.getDouble(5)).isLessThanOrEqualTo(8.0);
        assertThat(r.getDouble(6)).isEqualTo(15.0); // 30 % of 50 GB at the start
        assertThat(r.getDouble(7)).isLessThan(25.0).isGreaterThan(24.9); // nearly 50 %
        assertThat(r.getTimestamp(8).toInstant()).isEqualTo(from);
        assertThat(r.getTimestamp(9).toInstant()).isEqualTo(to.minusSeconds(3600));
      }
      try (ResultSet r =
          sql.executeQuery(
              "select server_id, count(*), bool_and(published), max(disk_gb_sum / samples) from"
                  + " host_usage_hour group by server_id")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getObject(1)).isEqualTo(dedicated);
        assertThat(r.getInt(2)).isEqualTo(hours);
        assertThat(r.getBoolean(3)).isTrue();
        assertThat(r.getDouble(4)).isLessThan(200.0); // 40 % of the default 500 GB at most
        assertThat(r.next()).isFalse(); // the hypervisor is measured by its guests
      }
    }
  }
}
