package io.vigie.kit.read;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: {@code {"items": [...], "next": "<cursor>", "total": 1234}}. {@code next} is
 * null on the last page; {@code total} is there only when the request asked for it.
 *
 * <p>Pages read through {@link Reads} carry their items as the JSON PostgreSQL rendered, written to
 * the response as they are (no entity, no Jackson round trip); a page built in Java carries typed
 * items. Both have the same shape.
 */
public final class Listing<T> {

  @Schema(required = true, description = "The items of this page, in the list's order")
  private final List<T> items;

  @Schema(
      description = "Cursor of the next page (pass it as `after`); null on the last page",
      nullable = true)
  private final String next;

  @Schema(description = "Every item matching the filters; only with `total=true`")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private final Long total;

  @JsonIgnore private final String renderedItems;

  private Listing(List<T> items, String renderedItems, String next, Long total) {
    this.items = items;
    this.renderedItems = renderedItems;
    this.next = next;
    this.total = total;
  }

  /** A page whose items are built in Java. */
  public static <T> Listing<T> of(List<T> items, String next, Long total) {
    return new Listing<>(List.copyOf(items), null, next, total);
  }

  /** A page whose items are a JSON array rendered by PostgreSQL. */
  static <T> Listing<T> rendered(String itemsJson, String next, Long total) {
    return new Listing<>(null, itemsJson, next, total);
  }

  public List<T> getItems() {
    return items;
  }

  public String getNext() {
    return next;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public Long getTotal() {
    return total;
  }

  /** The items as JSON text when PostgreSQL rendered them, else null. */
  @JsonIgnore
  public String renderedItems() {
    return renderedItems;
  }
}
