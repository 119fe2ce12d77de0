package io.vigie.monitoring.usage;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Instant;
import java.util.UUID;

/**
 * Closed hours of usage as {@link UsageRollup} keeps them (60 samples an hour, published), written
 * straight into {@code host_usage_hour} for the reports' tests: weeks of history without waiting
 * weeks. The rollup itself is tested by {@code UsageRollupTest}.
 */
public final class UsageHours {

  private UsageHours() {}

  /**
   * {@code hours} consecutive hours from {@code first}: CPU %, RAM and disk GB starting at the
   * values given and changing by the per-hour amounts every hour.
   */
  public static void write(
      UUID server,
      Instant first,
      int hours,
      double cpu,
      double cpuPerHour,
      double ramGb,
      double ramPerHour,
      double diskGb,
      double diskPerHour)
      throws Throwable {
    VertxContextSupport.subscribeAndAwait(
        () ->
            Panache.withTransaction(
                () ->
                    Panache.getSession()
                        .chain(
                            session ->
                                session
                                    .createNativeQuery(
                                        "insert into host_usage_hour (server_id, hour_start,"
                                            + " samples, cpu_sum, ram_gb_sum, disk_gb_sum,"
                                            + " published) select ?1, cast(?2 as timestamptz) + k"
                                            + " * interval '1 hour', 60, 60 * (cast(?3 as float8)"
                                            + " + cast(?4 as float8) * k), 60 * (cast(?5 as"
                                            + " float8) + cast(?6 as float8) * k), 60 * (cast(?7"
                                            + " as float8) + cast(?8 as float8) * k), true from"
                                            + " generate_series(0, cast(?9 as integer) - 1) k")
                                    .setParameter(1, server)
                                    .setParameter(2, first)
                                    .setParameter(3, cpu)
                                    .setParameter(4, cpuPerHour)
                                    .setParameter(5, ramGb)
                                    .setParameter(6, ramPerHour)
                                    .setParameter(7, diskGb)
                                    .setParameter(8, diskPerHour)
                                    .setParameter(9, hours)
                                    .executeUpdate())));
  }
}
