package io.vigie.kit.web;

import io.vigie.kit.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request that accepts only {@code application/problem+json} is answered as if it named no media
 * type. Generated clients send exactly that {@code Accept} for an operation whose only documented
 * body is an error — a {@code DELETE} answering 204 — and without this the resources' {@code
 * application/json} would refuse them with 406 before the operation runs. RFC 9110 §12.5.1 lets a
 * server disregard an {@code Accept} it cannot satisfy; errors still come as problems, and a client
 * that also names another type keeps ordinary negotiation.
 */
public class ProblemOnlyAccept {

  static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

  @ServerRequestFilter(preMatching = true)
  public void disregard(ContainerRequestContext request) {
    if (acceptsOnlyProblems(request.getHeaders().get(HttpHeaders.ACCEPT))) {
      request.getHeaders().remove(HttpHeaders.ACCEPT);
    }
  }

  static boolean acceptsOnlyProblems(List<String> accept) {
    if (accept == null || accept.isEmpty()) {
      return false;
    }
    for (String header : accept) {
      for (String range : header.split(",")) {
        if (range.isBlank()) {
          continue;
        }
        MediaType type;
        try {
          type = MediaType.valueOf(range.trim());
        } catch (IllegalArgumentException e) {
          return false; // left to ordinary negotiation, which answers a malformed header
        }
        if (!PROBLEM.isCompatible(type) || type.isWildcardType() || type.isWildcardSubtype()) {
          return false;
        }
      }
    }
    return true;
  }
}
