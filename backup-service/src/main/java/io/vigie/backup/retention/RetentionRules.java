package io.vigie.backup.retention;

/**
 * What a policy keeps, in restic's terms ({@code restic forget --keep-*}); borg's {@code prune}
 * options mean the same. A count of 0 and a null duration leave a rule out.
 *
 * @param within keep every snapshot younger than this, counted back from the newest snapshot
 * @param withinHourly keep the newest snapshot of each hour within this duration (and likewise for
 *     the other {@code within*} rules)
 */
public record RetentionRules(
    int last,
    int hourly,
    int daily,
    int weekly,
    int monthly,
    int yearly,
    ResticDuration within,
    ResticDuration withinHourly,
    ResticDuration withinDaily,
    ResticDuration withinWeekly,
    ResticDuration withinMonthly,
    ResticDuration withinYearly) {

  public RetentionRules {
    if (last < 0 || hourly < 0 || daily < 0 || weekly < 0 || monthly < 0 || yearly < 0) {
      throw new IllegalArgumentException("keep counts cannot be negative");
    }
  }

  /** Count rules only. */
  public static RetentionRules counts(
      int last, int hourly, int daily, int weekly, int monthly, int yearly) {
    return new RetentionRules(
        last, hourly, daily, weekly, monthly, yearly, null, null, null, null, null, null);
  }

  public RetentionRules withWithin(ResticDuration duration) {
    return new RetentionRules(
        last,
        hourly,
        daily,
        weekly,
        monthly,
        yearly,
        duration,
        withinHourly,
        withinDaily,
        withinWeekly,
        withinMonthly,
        withinYearly);
  }

  public RetentionRules withWithinBuckets(
      ResticDuration hourly,
      ResticDuration daily,
      ResticDuration weekly,
      ResticDuration monthly,
      ResticDuration yearly) {
    return new RetentionRules(
        last,
        this.hourly,
        this.daily,
        this.weekly,
        this.monthly,
        this.yearly,
        within,
        hourly,
        daily,
        weekly,
        monthly,
        yearly);
  }

  /** No rule at all: restic then keeps everything ("policy is empty"). */
  public boolean isEmpty() {
    return last == 0
        && hourly == 0
        && daily == 0
        && weekly == 0
        && monthly == 0
        && yearly == 0
        && zero(within)
        && zero(withinHourly)
        && zero(withinDaily)
        && zero(withinWeekly)
        && zero(withinMonthly)
        && zero(withinYearly);
  }

  static boolean zero(ResticDuration d) {
    return d == null || d.isZero();
  }
}
