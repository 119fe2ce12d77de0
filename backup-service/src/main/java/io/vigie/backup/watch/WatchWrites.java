package io.vigie.backup.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.BiConsumer;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The watch state a batch's judgement changed, written in one statement per table whatever the
 * number of rows (the rows travel as one JSON parameter). Each statement is guarded against a
 * concurrent pass (another replica, or a pass run by hand): an overdue due time only moves forward,
 * a breach is opened once (primary key) and closed once, a run fails as too long only while still
 * open. A statement that changes fewer rows than judged fails the batch, which rolls back with its
 * events: nothing is published twice, the next pass judges again.
 */
final class WatchWrites {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WatchWrites() {}

  /** Another pass changed the same state first; the batch rolls back. */
  static final class ConcurrentPass extends RuntimeException {
    ConcurrentPass(String what, int expected, int changed) {
      super(what + ": " + changed + " rows changed of " + expected + " judged");
    }
  }

  static Uni<Void> apply(Mutiny.Session session, Judgement.Changes changes) {
    return execute(
            session,
            "overdue copies",
            "insert into copy_watch (copy_id, overdue_due_at)"
                + " select r.copy_id, r.due_at from json_to_recordset(cast(cast(:rows as text) as json))"
                + " as r(copy_id uuid, due_at timestamptz)"
                + " on conflict (copy_id) do update set overdue_due_at = excluded.overdue_due_at"
                + " where copy_watch.overdue_due_at < excluded.overdue_due_at",
            changes.overdue(),
            (o, row) -> {
              row.put("copy_id", o.copyId().toString());
              row.put("due_at", o.dueAt().toString());
            })
        .chain(
            () ->
                execute(
                    session,
                    "runs too long",
                    "update backup_run b set state = 'RUNNING_TOO_LONG', reason = r.reason,"
                        + " updated_at = r.at from json_to_recordset(cast(cast(:rows as text) as json))"
                        + " as r(id uuid, reason text, at timestamptz)"
                        + " where b.id = r.id and b.state = 'STARTED'",
                    changes.tooLong(),
                    (t, row) -> {
                      row.put("id", t.runId().toString());
                      row.put("reason", t.reason());
                      row.put("at", t.at().toString());
                    }))
        .chain(
            () ->
                execute(
                    session,
                    "breaches opened",
                    "insert into rpo_watch (policy_id, datacenter_code, breached_at)"
                        + " select r.policy_id, r.datacenter_code, r.at"
                        + " from json_to_recordset(cast(cast(:rows as text) as json))"
                        + " as r(policy_id uuid, datacenter_code text, at timestamptz)",
                    changes.breached(),
                    WatchWrites::breach))
        .chain(
            () ->
                execute(
                    session,
                    "breaches closed",
                    "delete from rpo_watch w using json_to_recordset(cast(cast(:rows as text) as json))"
                        + " as r(policy_id uuid, datacenter_code text, at timestamptz)"
                        + " where w.policy_id = r.policy_id"
                        + " and w.datacenter_code = r.datacenter_code",
                    changes.restored(),
                    WatchWrites::breach));
  }

  private static void breach(Judgement.Breach b, ObjectNode row) {
    row.put("policy_id", b.policyId().toString());
    row.put("datacenter_code", b.datacenterCode());
    row.put("at", b.at().toString());
  }

  // the rows go as text cast to json: a parameter PostgreSQL types as json would be sent by the
  // Vert.x client as a JSON string (a scalar), not parsed
  private static <T> Uni<Void> execute(
      Mutiny.Session session,
      String what,
      String sql,
      List<T> items,
      BiConsumer<T, ObjectNode> toRow) {
    if (items.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    ArrayNode rows = JSON.createArrayNode();
    items.forEach(item -> toRow.accept(item, rows.addObject()));
    return session
        .createNativeQuery(sql)
        .setParameter("rows", rows.toString())
        .executeUpdate()
        .invoke(
            changed -> {
              if (changed != items.size()) {
                throw new ConcurrentPass(what, items.size(), changed);
              }
            })
        .replaceWithVoid();
  }
}
