package io.vigie.ticket.oncall.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Who is on call for one schedule at any instant: the last layer that is active and has someone
 * wins (a night layer above a weekly one), then overrides apply (the latest-starting one first
 * considered). "Now and next" and the shifts between two instants follow from evaluating the
 * schedule at every instant where a layer hands off, a layer's active hours start or end, or an
 * override starts or ends. Plain Java.
 */
public final class Roster {

  /** How far ahead "next" is looked for. */
  static final Duration HORIZON = Duration.ofDays(90);

  /** How far back the start of the current shift is looked for. */
  static final Duration LOOKBACK = Duration.ofDays(31);

  private final List<Layer> layers;
  private final List<Cover> covers;

  public Roster(List<Layer> layers, List<Cover> covers) {
    this.layers = List.copyOf(layers);
    this.covers = covers.stream().sorted((a, b) -> b.startsAt().compareTo(a.startsAt())).toList();
  }

  /**
   * One person's turn: on call from {@code from} until {@code until} (null: beyond the horizon).
   */
  public record Shift(String subject, Instant from, Instant until) {}

  /** Who is on call at {@code at}, or null when nobody is. */
  public String onCall(Instant at) {
    String who = null;
    for (Layer layer : layers) {
      String candidate = layer.onCall(at);
      if (candidate != null) {
        who = candidate;
      }
    }
    for (Cover cover : covers) {
      if (cover.applies(at, who)) {
        return cover.covering();
      }
    }
    return who;
  }

  /** The shifts (including nobody, as a null subject) covering {@code [from, to)}, merged. */
  public List<Shift> shifts(Instant from, Instant to) {
    TreeSet<Instant> edges = new TreeSet<>();
    for (Layer layer : layers) {
      layer.boundaries(from, to, edges);
    }
    for (Cover c : covers) {
      for (Instant edge : new Instant[] {c.startsAt(), c.endsAt()}) {
        if (edge.isAfter(from) && edge.isBefore(to)) {
          edges.add(edge);
        }
      }
    }
    List<Shift> shifts = new ArrayList<>();
    Instant start = from;
    String who = onCall(from);
    for (Instant edge : edges) {
      String then = onCall(edge);
      if (!Objects.equals(then, who)) {
        shifts.add(new Shift(who, start, edge));
        start = edge;
        who = then;
      }
    }
    shifts.add(new Shift(who, start, to));
    return shifts;
  }

  /**
   * The shift running at {@code at} and the one after it: the current one's start is looked for up
   * to 31 days back, the next one's end up to 90 days ahead (null beyond).
   */
  public List<Shift> nowAndNext(Instant at) {
    Instant back = at.minus(LOOKBACK);
    Instant horizon = at.plus(HORIZON);
    List<Shift> shifts = shifts(back, horizon);
    List<Shift> two = new ArrayList<>();
    for (Shift s : shifts) {
      if (s.until().isAfter(at) && two.size() < 2) {
        two.add(s.until().equals(horizon) ? new Shift(s.subject(), s.from(), null) : s);
      }
    }
    return two;
  }
}
