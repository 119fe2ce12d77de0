package io.vigie.ticket.oncall.paging;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Every {@code vigie.ticket.oncall.watch-every}: escalates the pages whose step delay ran out, then
 * sends the notifications that are due. Off the request path; tests call {@link #check()} after
 * moving time.
 */
@ApplicationScoped
public class PageWatch {

  private static final Logger LOG = Logger.getLogger(PageWatch.class);

  private final PagingService paging;

  public PageWatch(PagingService paging) {
    this.paging = paging;
  }

  @Scheduled(
      every = "${vigie.ticket.oncall.watch-every:0.5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return check()
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.warnf(failure, "Page watch failed; the next run retries");
              return 0;
            })
        .replaceWithVoid();
  }

  /** Escalates due pages, then sends due notifications; answers how many notifications went. */
  public Uni<Integer> check() {
    return paging.escalateDue().chain(moved -> paging.sendDue());
  }
}
