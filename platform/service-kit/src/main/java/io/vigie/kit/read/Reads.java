package io.vigie.kit.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.pgclient.PgException;
import io.vigie.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The read path of every service: a {@link SqlQuery} runs on the reactive PostgreSQL client — no
 * session, no managed entities, no change tracking — and PostgreSQL renders each item's JSON, which
 * goes to the response as it is. Writes keep Hibernate Reactive and its invariants; reads never pay
 * for them.
 */
@ApplicationScoped
public class Reads {

  /** invalid_text_representation, invalid_datetime_format, datetime_field_overflow */
  private static final Set<String> BAD_CURSOR_VALUE = Set.of("22P02", "22007", "22008");

  private final Pool pool;
  private final ObjectMapper json;

  public Reads(Pool pool, ObjectMapper json) {
    this.pool = pool;
    this.json = json;
  }

  /** One page of {@code query} in its keyset order, after the request's cursor. */
  public <T> Uni<Listing<T>> page(SqlQuery query, PageRequest request) {
    Keyset keyset = query.keyset();
    List<String> cursor = request.cursor(keyset.size());
    SqlQuery.Statement page = query.page(cursor, request.size);
    Uni<RowSet<Row>> rows =
        pool.preparedQuery(page.sql())
            .execute(page.parameters())
            .onFailure(PgException.class)
            .transform(
                e ->
                    cursor != null && BAD_CURSOR_VALUE.contains(((PgException) e).getSqlState())
                        ? ProblemException.invalidField("after", "is not a cursor of this list")
                        : e);
    Uni<Long> total = request.total ? count(query) : Uni.createFrom().nullItem();
    return Uni.combine()
        .all()
        .unis(rows, total)
        .with((result, count) -> render(result, request.size, keyset.size(), count));
  }

  /** How many items match {@code query}'s conditions. */
  public Uni<Long> count(SqlQuery query) {
    SqlQuery.Statement count = query.count();
    return pool.preparedQuery(count.sql())
        .execute(count.parameters())
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** The one document {@code query} selects, read as {@code type}, or null when there is none. */
  public <T> Uni<T> one(SqlQuery query, Class<T> type) {
    SqlQuery.Statement one = query.one();
    return pool.preparedQuery(one.sql())
        .execute(one.parameters())
        .map(
            rows -> {
              if (rows.size() == 0) {
                return null;
              }
              if (rows.size() > 1) {
                throw new IllegalStateException(
                    "More than one row for a single read: " + one.sql());
              }
              return parse(rows.iterator().next().getString(0), type);
            });
  }

  /** The documents {@code query} selects in its keyset order, at most {@code limit}, as types. */
  public <T> Uni<List<T>> all(SqlQuery query, int limit, Class<T> type) {
    SqlQuery.Statement page = query.page(null, limit - 1);
    return pool.preparedQuery(page.sql())
        .execute(page.parameters())
        .map(
            rows -> {
              List<T> out = new ArrayList<>(rows.size());
              rows.forEach(row -> out.add(parse(row.getString(0), type)));
              return out;
            });
  }

  private <T> T parse(String document, Class<T> type) {
    try {
      return json.readValue(document, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored document does not read as " + type.getName(), e);
    }
  }

  private static <T> Listing<T> render(RowSet<Row> rows, int size, int keys, Long total) {
    StringBuilder items = new StringBuilder(Math.max(64, rows.size() * 512)).append('[');
    int n = 0;
    List<String> last = null;
    boolean more = false;
    for (Row row : rows) {
      if (n == size) {
        more = true;
        break;
      }
      if (n > 0) {
        items.append(',');
      }
      items.append(row.getString(0));
      if (n == size - 1) {
        last = new ArrayList<>(keys);
        for (int k = 1; k <= keys; k++) {
          last.add(row.getString(k));
        }
      }
      n++;
    }
    items.append(']');
    return Listing.rendered(items.toString(), more ? PageRequest.cursorOf(last) : null, total);
  }
}
