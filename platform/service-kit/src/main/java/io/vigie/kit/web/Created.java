package io.vigie.kit.web;

import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/** What a create use case returns: where the new resource lives, its body and its version. */
public record Created<T>(URI location, T body, long version) {

  /** 201 with the body, {@code Location} and {@code ETag}. */
  public RestResponse<T> response() {
    return RestResponse.ResponseBuilder.<T>created(location)
        .entity(body)
        .tag(ETags.of(version))
        .build();
  }
}
