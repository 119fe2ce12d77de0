package io.vigie.kit.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** {@code ?page=0&size=50}: zero-based page, at most 500 items per page. */
public class PageRequest {

  public static final int MAX_SIZE = 500;

  @QueryParam("page")
  @DefaultValue("0")
  @Min(0)
  @Max(1_000_000)
  public int page;

  @QueryParam("size")
  @DefaultValue("50")
  @Min(1)
  @Max(MAX_SIZE)
  public int size;

  public static PageRequest of(int page, int size) {
    PageRequest request = new PageRequest();
    request.page = page;
    request.size = size;
    return request;
  }
}
