package io.vigie.backup.retention;

import java.util.List;

/**
 * Which snapshots a policy keeps and which it forgets, newest first, and for each kept one the
 * rules that kept it, in restic's words ({@code daily snapshot}, {@code within 10d}, ...).
 */
public record RetentionPlan(List<Decision> decisions) {

  public record Decision(Snapshot snapshot, boolean keep, List<String> reasons) {}

  public List<Snapshot> kept() {
    return decisions.stream().filter(Decision::keep).map(Decision::snapshot).toList();
  }

  public List<Snapshot> forgotten() {
    return decisions.stream().filter(d -> !d.keep()).map(Decision::snapshot).toList();
  }
}
