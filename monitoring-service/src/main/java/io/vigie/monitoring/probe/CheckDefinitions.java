package io.vigie.monitoring.probe;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the enabled active checks for the scheduler, and a cheap fingerprint of the table so a
 * replica reloads only when something changed (here or on another replica).
 */
final class CheckDefinitions {

  private static final ActiveCheck.SettingsConverter SETTINGS = new ActiveCheck.SettingsConverter();

  private final Pool pool;

  CheckDefinitions(Pool pool) {
    this.pool = pool;
  }

  /** Changes whenever a check is created, changed or removed. */
  Uni<String> fingerprint() {
    return pool.query(
            "select count(*), coalesce(max(updated_at), 'epoch'::timestamptz), coalesce(sum(version), 0)"
                + " from active_check")
        .execute()
        .map(
            rows -> {
              Row row = rows.iterator().next();
              return row.getLong(0) + "|" + row.getValue(1) + "|" + row.getValue(2);
            });
  }

  /** Every enabled check, by id. */
  Uni<Map<UUID, ScheduledCheck>> enabled() {
    return pool.query(
            "select id, name, kind, server_id, hosted_service_id, interval_seconds,"
                + " timeout_seconds, settings, version from active_check where enabled")
        .execute()
        .map(
            rows -> {
              Map<UUID, ScheduledCheck> checks = new HashMap<>();
              for (Row row : rows) {
                ScheduledCheck check =
                    new ScheduledCheck(
                        row.getUUID("id"),
                        row.getString("name"),
                        CheckKind.valueOf(row.getString("kind")),
                        row.getUUID("server_id"),
                        row.getUUID("hosted_service_id"),
                        row.getInteger("interval_seconds"),
                        row.getInteger("timeout_seconds"),
                        SETTINGS.convertToEntityAttribute(row.getString("settings")),
                        row.getLong("version"));
                checks.put(check.id(), check);
              }
              return checks;
            });
  }
}
