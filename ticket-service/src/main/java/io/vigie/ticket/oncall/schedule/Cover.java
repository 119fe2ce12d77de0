package io.vigie.ticket.oncall.schedule;

import java.time.Instant;

/**
 * An override: {@code covering} is on call in place of {@code covered} from {@code startsAt} until
 * {@code endsAt}; with no {@code covered}, in place of whoever the layers name. Plain Java.
 */
public record Cover(String covering, String covered, Instant startsAt, Instant endsAt) {

  public boolean applies(Instant at, String onCall) {
    return !at.isBefore(startsAt)
        && at.isBefore(endsAt)
        && (covered == null || covered.equals(onCall));
  }
}
