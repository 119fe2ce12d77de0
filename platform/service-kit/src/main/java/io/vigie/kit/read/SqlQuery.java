package io.vigie.kit.read;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * A read query in plain SQL: the document to return, where it comes from, and the conditions of the
 * optional filters. A condition names its parameter {@code ?}, numbered in order; {@link
 * #where(String, Object)} skips a filter whose value is null. The same filters give the same SQL
 * text, so the driver's prepared statement cache and PostgreSQL's plan cache hit on every shape.
 *
 * <pre>{@code
 * SqlQuery.select("doc", "server_document")
 *     .where("datacenter_code = ?", datacenter)
 *     .where("roles @> array[?]::text[]", role)
 *     .keyset(Keyset.ascending("hostname", "text").then("id", "uuid"));
 * }</pre>
 */
public final class SqlQuery {

  private final String document;
  private final String from;
  private final List<String> conditions = new ArrayList<>();
  private final List<Object> parameters = new ArrayList<>();
  private Keyset keyset;

  private SqlQuery(String document, String from) {
    this.document = document;
    this.from = from;
  }

  /**
   * @param document a SQL expression of type json or jsonb: one item of the answer
   * @param from the table, view or join it comes from
   */
  public static SqlQuery select(String document, String from) {
    return new SqlQuery(document, from);
  }

  /** A condition that always applies, without parameters. */
  public SqlQuery where(String condition) {
    conditions.add(condition);
    return this;
  }

  /**
   * A condition on one value, skipped when {@code value} is null; each {@code ?} of the condition
   * takes the value.
   */
  public SqlQuery where(String condition, Object value) {
    if (value != null) {
      conditions.add(condition);
      Object bound = value instanceof Enum<?> e ? e.name() : value;
      condition.chars().filter(c -> c == '?').forEach(c -> parameters.add(bound));
    }
    return this;
  }

  /** The order of the list, which is also its cursor. */
  public SqlQuery keyset(Keyset keyset) {
    this.keyset = keyset;
    return this;
  }

  Keyset keyset() {
    if (keyset == null) {
      throw new IllegalStateException("A list query needs a keyset: " + from);
    }
    return keyset;
  }

  /** {@code select document::text from ... where ...}, for one document (a get by id). */
  Statement one() {
    return statement("select (" + document + ")::text from " + from, null, null, 2);
  }

  /** One page: the documents and their sort keys, after {@code cursor}, {@code size + 1} rows. */
  Statement page(List<String> cursor, int size) {
    Keyset k = keyset();
    return statement(
        "select (" + document + ")::text, " + k.selectList() + " from " + from,
        cursor == null ? null : k,
        cursor,
        size + 1);
  }

  /** {@code select count(*)} over the same conditions. */
  Statement count() {
    return statement("select count(*) from " + from, null, null, 0);
  }

  private Statement statement(String head, Keyset after, List<String> cursor, int limit) {
    List<Object> values = new ArrayList<>(parameters);
    List<String> where = new ArrayList<>(conditions);
    if (after != null) {
      where.add(after.after(cursor, values));
    }
    StringBuilder sql = new StringBuilder(head);
    if (!where.isEmpty()) {
      sql.append(" where ")
          .append(String.join(" and ", where.stream().map(c -> "(" + c + ")").toList()));
    }
    if (limit > 0 && keyset != null) {
      sql.append(" order by ").append(keyset.orderBy());
    }
    if (limit > 0) {
      sql.append(" limit ").append(limit);
    }
    return new Statement(number(sql.toString()), Tuple.from(values));
  }

  /** Replaces each {@code ?} placeholder by PostgreSQL's {@code $n}. */
  static String number(String sql) {
    StringBuilder out = new StringBuilder(sql.length() + 8);
    int n = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '?') {
        out.append('$').append(++n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** SQL text and its parameters. */
  record Statement(String sql, Tuple parameters) {}
}
