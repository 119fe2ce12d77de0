package io.vigie.ticket.tickets;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vigie.events.ticket.TicketType;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Human references {@code INC-2026-000123}: one counter per type prefix and year (UTC), taken in
 * the caller's transaction, so a rolled-back create leaves a gap and never a duplicate.
 */
final class References {

  private References() {}

  static Uni<String> next(TicketType type, Instant at) {
    int year = at.atZone(ZoneOffset.UTC).getYear();
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "insert into ticket_counter (prefix, year, last) values (:prefix, :year, 1)"
                            + " on conflict (prefix, year) do update set last = ticket_counter.last + 1"
                            + " returning last",
                        Long.class)
                    .setParameter("prefix", type.prefix())
                    .setParameter("year", year)
                    .getSingleResult())
        .map(number -> format(type, year, number));
  }

  static String format(TicketType type, int year, long number) {
    return String.format("%s-%d-%06d", type.prefix(), year, number);
  }
}
