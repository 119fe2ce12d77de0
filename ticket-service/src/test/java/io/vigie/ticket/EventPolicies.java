package io.vigie.ticket;

import io.smallrye.config.SmallRyeConfig;
import io.vigie.ticket.backup.BackupTicketConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The service's settings as configured, except that a test may switch the event policies (what an
 * AlertResolved and an RpoRestored do to incidents) for its own duration, as it moves the clock
 * with {@link MovableTime}: the tests of the non-default policies share the application the others
 * run in instead of starting one of their own (a test profile). Replaces the {@link TicketConfig}
 * and {@link BackupTicketConfig} mappings; every other setting reads through to them. Tests run one
 * at a time, so a switched policy meets only the events of the test that switched it.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class EventPolicies implements TicketConfig, BackupTicketConfig {

  private final TicketConfig ticket = mapping(TicketConfig.class);
  private final BackupTicketConfig backup = mapping(BackupTicketConfig.class);
  private volatile AlertResolvedPolicy alertResolved;
  private volatile RestoredPolicy rpoRestored;

  private static <T> T mapping(Class<T> type) {
    return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(type);
  }

  /** Switches the AlertResolved policy until {@link #reset}. */
  public void alertResolved(AlertResolvedPolicy policy) {
    alertResolved = policy;
  }

  /** Switches the RpoRestored policy until {@link #reset}. */
  public void rpoRestored(RestoredPolicy policy) {
    rpoRestored = policy;
  }

  /** Back to the configured policies. */
  public void reset() {
    alertResolved = null;
    rpoRestored = null;
  }

  @Override
  public Duration reopenPeriod() {
    return ticket.reopenPeriod();
  }

  @Override
  public Duration alertRepeatPeriod() {
    return ticket.alertRepeatPeriod();
  }

  @Override
  public String clockWatchEvery() {
    return ticket.clockWatchEvery();
  }

  @Override
  public AlertResolvedPolicy alertResolvedPolicy() {
    AlertResolvedPolicy switched = alertResolved;
    return switched == null ? ticket.alertResolvedPolicy() : switched;
  }

  @Override
  public RestoredPolicy rpoRestoredPolicy() {
    RestoredPolicy switched = rpoRestored;
    return switched == null ? backup.rpoRestoredPolicy() : switched;
  }
}
