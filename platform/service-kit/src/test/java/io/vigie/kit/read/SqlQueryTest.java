package io.vigie.kit.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.kit.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlQueryTest {

  private static final Keyset BY_HOSTNAME = Keyset.ascending("hostname", "text").then("id", "uuid");

  enum Status {
    ACTIVE
  }

  @Test
  void absentFiltersLeaveTheSameStatementShape() {
    SqlQuery none = query(null, null);
    SqlQuery both = query("PAR-DC2", Status.ACTIVE);

    assertThat(none.page(null, 50).sql())
        .isEqualTo(
            "select (doc)::text, (hostname)::text, (id)::text from server_document"
                + " order by hostname, id limit 51");
    assertThat(both.page(null, 50).sql())
        .isEqualTo(
            "select (doc)::text, (hostname)::text, (id)::text from server_document"
                + " where (datacenter_code = $1) and (status = $2) order by hostname, id limit 51");
    assertThat(both.page(null, 50).parameters().getValue(1)).isEqualTo("ACTIVE");
    assertThat(query("PAR-DC2", Status.ACTIVE).page(null, 50).sql())
        .as("the same filters give the same text, so prepared statements are reused")
        .isEqualTo(both.page(null, 50).sql());
  }

  @Test
  void theNextPageStartsAfterTheCursorRow() {
    SqlQuery.Statement page = query("PAR-DC2", null).page(List.of("web1", "0191"), 10);

    assertThat(page.sql())
        .endsWith(
            "where (datacenter_code = $1) and ((hostname, id) > ($2::text, $3::uuid))"
                + " order by hostname, id limit 11");
    assertThat(page.parameters().size()).isEqualTo(3);
  }

  @Test
  void descendingListsPageBackwards() {
    SqlQuery query =
        SqlQuery.select("doc", "alert")
            .keyset(Keyset.descending("started_at", "timestamptz").then("id", "uuid"));

    assertThat(query.page(List.of("2026-11-29T10:00:00Z", "0191"), 5).sql())
        .endsWith(
            "where ((started_at, id) < ($1::timestamptz, $2::uuid))"
                + " order by started_at desc, id desc limit 6");
  }

  @Test
  void aConditionRepeatingItsPlaceholderTakesTheValueEachTime() {
    SqlQuery.Statement count =
        SqlQuery.select("doc", "server_document")
            .where(
                "id in (select a from x where c = ?) or id in (select b from y where c = ?)",
                "acme")
            .count();

    assertThat(count.sql()).contains("c = $1) or id in (select b from y where c = $2)");
    assertThat(count.parameters().size()).isEqualTo(2);
  }

  @Test
  void aCursorRoundTripsAndAForeignOneIsRefusedNamingAfter() {
    String cursor = PageRequest.cursorOf(List.of("web 1.example.net", "0191-ab"));
    PageRequest request = PageRequest.first(50);
    request.after = cursor;

    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(request.cursor(2)).containsExactly("web 1.example.net", "0191-ab");
    assertThatThrownBy(() -> request.cursor(3))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("after");
    request.after = "***";
    assertThatThrownBy(() -> request.cursor(2)).isInstanceOf(ProblemException.class);
  }

  private static SqlQuery query(String datacenter, Status status) {
    return SqlQuery.select("doc", "server_document")
        .where("datacenter_code = ?", datacenter)
        .where("status = ?", status)
        .keyset(BY_HOSTNAME);
  }
}
