package io.distdb.operator.health;

import io.distdb.adminapi.NodeAdminClient;
import io.distdb.adminapi.NodeStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every node's {@code /status} on its own threads, never on a reconciler thread: a scheduler
 * starts one round per database every period, each node's call runs on the poll pool with its own
 * timeout, and a result that differs from the last one calls {@code onChange} with the database's
 * key (which triggers a reconcile). The reconciler only reads the latest observations.
 */
public final class HealthMonitor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

  private final NodeAdminClient client;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService pollers;
  private final Consumer<String> onChange;
  private final Map<String, Watch> watches = new ConcurrentHashMap<>();

  private record Watch(
      List<PollTarget> targets,
      String token,
      Duration period,
      Duration timeout,
      Map<String, NodeObservation> observations,
      ScheduledFuture<?> future) {}

  public HealthMonitor(
      NodeAdminClient client,
      ScheduledExecutorService scheduler,
      ExecutorService pollers,
      Consumer<String> onChange) {
    this.client = client;
    this.scheduler = scheduler;
    this.pollers = pollers;
    this.onChange = onChange;
  }

  /**
   * Starts or updates polling for database {@code key}. Cheap when nothing changed, so the
   * reconciler calls it every time.
   */
  public void watch(
      String key, List<PollTarget> targets, String token, Duration period, Duration timeout) {
    watches.compute(
        key,
        (k, old) -> {
          if (old != null
              && old.targets.equals(targets)
              && Objects.equals(old.token, token)
              && old.period.equals(period)
              && old.timeout.equals(timeout)) {
            return old;
          }
          if (old != null) {
            old.future.cancel(false);
          }
          Map<String, NodeObservation> observations =
              old == null ? new ConcurrentHashMap<>() : old.observations;
          observations.keySet().retainAll(targets.stream().map(PollTarget::pod).toList());
          ScheduledFuture<?> future =
              targets.isEmpty() || token == null
                  ? scheduler.schedule(() -> {}, 0, TimeUnit.MILLISECONDS)
                  : scheduler.scheduleWithFixedDelay(
                      () -> pollRound(k), 0, period.toMillis(), TimeUnit.MILLISECONDS);
          return new Watch(targets, token, period, timeout, observations, future);
        });
  }

  /** Stops polling database {@code key} (it was deleted). */
  public void forget(String key) {
    Watch w = watches.remove(key);
    if (w != null) {
      w.future.cancel(false);
    }
  }

  /** The latest observation of each polled node of {@code key}, by pod name. */
  public Map<String, NodeObservation> observations(String key) {
    Watch w = watches.get(key);
    return w == null ? Map.of() : Map.copyOf(w.observations);
  }

  private void pollRound(String key) {
    Watch w = watches.get(key);
    if (w == null) {
      return;
    }
    for (PollTarget target : w.targets) {
      pollers.execute(() -> poll(key, w, target));
    }
  }

  private void poll(String key, Watch w, PollTarget target) {
    NodeObservation old = w.observations.get(target.pod());
    NodeObservation now;
    try {
      NodeStatus status = client.status(target.adminUri(), w.token, w.timeout);
      now = new NodeObservation(target.pod(), target.podUid(), status, 0, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (Exception e) {
      int failures =
          old == null || !old.podUid().equals(target.podUid()) ? 1 : old.consecutiveFailures() + 1;
      now =
          new NodeObservation(
              target.pod(), target.podUid(), null, failures, e.getClass().getSimpleName());
      LOG.debug("poll of {} failed ({} in a row): {}", target.pod(), failures, e.toString());
    }
    w.observations.put(target.pod(), now);
    if (!now.equals(old)) {
      onChange.accept(key);
    }
  }

  @Override
  public void close() {
    watches.values().forEach(w -> w.future.cancel(false));
    watches.clear();
    scheduler.shutdownNow();
    pollers.shutdownNow();
  }
}
