package io.vigie.ticket.knowledge;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import io.vigie.kit.problem.ProblemException;
import io.vigie.kit.read.Listing;
import io.vigie.kit.read.PageRequest;
import io.vigie.kit.tenancy.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Full-text search over the articles a caller reads. The question is parsed as a web search ({@code
 * websearch_to_tsquery}: words, "quoted phrases", -excluded, or) in both the French and the English
 * configuration, accents folded (kb_french, kb_english), the two ORed, so "sauvegarde echouee"
 * finds "Sauvegarde échouée" and "replication lag" finds "Replication lagging". Hits are ranked by
 * {@code ts_rank} (title weighs more than body, normalised by length), with a snippet of the body
 * (HTML-escaped, matches in {@code <mark>}); pages follow on (rank, id). The tenant wall is a
 * condition of the same query, so a client's results and count hold only public articles and its
 * own.
 */
@ApplicationScoped
public class ArticleSearch {

  private final Pool pool;

  public ArticleSearch(Pool pool) {
    this.pool = pool;
  }

  /** Search filters, as the resource receives them. */
  public record Filter(
      String q,
      ArticleKind kind,
      ArticleVisibility visibility,
      ArticleStatus status,
      String tenant,
      UUID server) {}

  /** One hit: what a result list shows. */
  public record ArticleHit(
      UUID id,
      ArticleKind kind,
      ArticleVisibility visibility,
      String tenant,
      ArticleStatus status,
      ArticleLanguage language,
      String title,
      String snippet,
      double rank,
      Instant updatedAt) {}

  private static final String QUERY =
      "(websearch_to_tsquery('kb_french', $1) || websearch_to_tsquery('kb_english', $1))";
  private static final String RANK = "ts_rank(a.search, " + QUERY + ", 1)::real";
  private static final String CONFIG =
      "case when a.language = 'EN' then 'kb_english'::regconfig else 'kb_french'::regconfig end";
  private static final String SNIPPET =
      "ts_headline("
          + CONFIG
          + ", replace(replace(replace(a.body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), "
          + QUERY
          + ", 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2,"
          + " FragmentDelimiter=\" … \"')";

  public Uni<Listing<ArticleHit>> search(Filter f, PageRequest page, Caller caller) {
    List<Object> values = new ArrayList<>();
    values.add(f.q());
    List<String> where = new ArrayList<>();
    where.add("a.search @@ " + QUERY);
    if (f.kind() != null) {
      where.add("a.kind = " + param(values, f.kind().name()));
    }
    if (f.visibility() != null) {
      where.add("a.visibility = " + param(values, f.visibility().name()));
    }
    if (f.status() != null) {
      where.add("a.status = " + param(values, f.status().name()));
    }
    if (f.tenant() != null) {
      where.add("a.tenant = " + param(values, f.tenant()));
    }
    if (f.server() != null) {
      where.add(
          "a.id in (select l.article_id from article_link l where l.kind = 'SERVER' and l.target = "
              + param(values, f.server().toString())
              + ")");
    }
    if (caller.isClient()) {
      where.add(
          "a.status = 'PUBLISHED' and (a.visibility = 'PUBLIC' or (a.visibility = 'CLIENT' and"
              + " a.tenant = "
              + param(values, caller.tenant())
              + "))");
    } else if (!caller.isStaff()) {
      where.add("false");
    }
    String countSql = "select count(*) from article a where " + String.join(" and ", where);
    List<Object> countValues = List.copyOf(values);

    List<String> cursor = cursor(page.after);
    if (cursor != null) {
      where.add(
          "("
              + RANK
              + ", a.id) < ("
              + param(values, cursor.get(0))
              + "::text::real, "
              + param(values, cursor.get(1))
              + "::text::uuid)");
    }
    String sql =
        "select a.id, a.kind, a.visibility, a.tenant, a.status, a.language, a.title, "
            + SNIPPET
            + " as snippet, "
            + RANK
            + " as rank, ("
            + RANK
            + ")::text as rank_text, a.updated_at from article a where "
            + String.join(" and ", where)
            + " order by "
            + RANK
            + " desc, a.id desc limit "
            + (page.size + 1);
    Uni<RowSet<Row>> rows =
        pool.preparedQuery(sql)
            .execute(Tuple.from(values))
            .onFailure(PgException.class)
            .transform(
                e ->
                    cursor != null && BAD_CURSOR_VALUE.contains(((PgException) e).getSqlState())
                        ? ProblemException.invalidField("after", "is not a cursor of this list")
                        : e);
    Uni<Long> total =
        page.total
            ? pool.preparedQuery(countSql)
                .execute(Tuple.from(countValues))
                .map(r -> r.iterator().next().getLong(0))
            : Uni.createFrom().nullItem();
    return Uni.combine().all().unis(rows, total).with((r, count) -> render(r, page.size, count));
  }

  private static final java.util.Set<String> BAD_CURSOR_VALUE = java.util.Set.of("22P02", "22003");

  private static String param(List<Object> values, Object value) {
    values.add(value);
    return "$" + values.size();
  }

  private static Listing<ArticleHit> render(RowSet<Row> rows, int size, Long total) {
    List<ArticleHit> hits = new ArrayList<>();
    String lastRank = null;
    String next = null;
    for (Row row : rows) {
      if (hits.size() == size) {
        next = cursorOf(lastRank, hits.get(hits.size() - 1).id().toString());
        break;
      }
      lastRank = row.getString("rank_text");
      hits.add(
          new ArticleHit(
              row.getUUID("id"),
              ArticleKind.valueOf(row.getString("kind")),
              ArticleVisibility.valueOf(row.getString("visibility")),
              row.getString("tenant"),
              ArticleStatus.valueOf(row.getString("status")),
              ArticleLanguage.valueOf(row.getString("language")),
              row.getString("title"),
              row.getString("snippet"),
              row.getFloat("rank"),
              row.getOffsetDateTime("updated_at").toInstant()));
    }
    return Listing.of(hits, next, total);
  }

  /** The page request's cursor as (rank, id), in the kit's encoding; null for the first page. */
  static List<String> cursor(String after) {
    if (after == null || after.isEmpty()) {
      return null;
    }
    try {
      String[] values =
          new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\0", -1);
      if (values.length == 2) {
        return List.of(values);
      }
    } catch (IllegalArgumentException e) {
      // not base64: answered below
    }
    throw ProblemException.invalidField("after", "is not a cursor of this list");
  }

  static String cursorOf(String rank, String id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((rank + "\0" + id).getBytes(StandardCharsets.UTF_8));
  }
}
