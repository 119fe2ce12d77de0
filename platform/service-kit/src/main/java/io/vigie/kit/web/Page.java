package io.vigie.kit.web;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/** One page of a list, with what a client needs to fetch the others. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

  /** Runs the count and the page query of {@code query} and maps the entities. */
  public static <E, T> Uni<Page<T>> of(
      PanacheQuery<E> query, PageRequest request, Function<E, T> mapper) {
    return query
        .count()
        .chain(
            total ->
                query
                    .page(io.quarkus.panache.common.Page.of(request.page, request.size))
                    .list()
                    .map(
                        entities ->
                            new Page<>(
                                entities.stream().map(mapper).toList(),
                                request.page,
                                request.size,
                                total,
                                (int) ((total + request.size - 1) / request.size))));
  }
}
