package io.vigie.kit.read;

import io.vigie.kit.problem.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code ?size=50&after=<cursor>&total=true}: at most {@code size} items (500 at most) after the
 * cursor the previous page answered as {@code next}; the exact total only when asked for, since
 * counting a large filtered set costs more than reading a page of it.
 */
public class PageRequest {

  public static final int MAX_SIZE = 500;

  @QueryParam("size")
  @DefaultValue("50")
  @Min(1)
  @Max(MAX_SIZE)
  @Parameter(description = "Items per page, 1 to 500")
  public int size;

  @QueryParam("after")
  @Size(max = 2000)
  @Parameter(
      description = "Opaque cursor: the `next` of the previous page; absent for the first page",
      schema = @Schema(maxLength = 2000))
  public String after;

  @QueryParam("total")
  @DefaultValue("false")
  @Parameter(description = "Also count every item matching the filters (costs a count query)")
  public boolean total;

  public static PageRequest first(int size) {
    PageRequest request = new PageRequest();
    request.size = size;
    return request;
  }

  /** The cursor's values, one per keyset column, or null for the first page. */
  List<String> cursor(int keys) {
    if (after == null || after.isEmpty()) {
      return null;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
      List<String> values = Arrays.asList(decoded.split("\0", -1));
      if (values.size() == keys) {
        return values;
      }
    } catch (IllegalArgumentException e) {
      // not base64: answered below
    }
    throw ProblemException.invalidField("after", "is not a cursor of this list");
  }

  /** PostgreSQL text never holds NUL, so it separates the values. */
  static String cursorOf(List<String> values) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(String.join("\0", values).getBytes(StandardCharsets.UTF_8));
  }
}
