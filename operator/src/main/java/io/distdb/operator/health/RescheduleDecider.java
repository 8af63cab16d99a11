package io.distdb.operator.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether to reschedule one slave now, within the safety limits: never while the operator
 * reaches no node at all (then it is the isolated one), at most one reschedule in flight, at most
 * {@code hourlyBudget} per hour per database, and an exponential backoff per slave. A crash loop
 * that survives {@code maxCrashLoopTries} reschedules is given up (reported, not retried). One
 * instance per database; not thread-safe (the reconciler of one database runs serially).
 */
public final class RescheduleDecider {

  /**
   * @param hourlyBudget reschedules allowed per rolling hour
   * @param baseBackoff wait after a slave's first reschedule; doubles each time
   * @param maxBackoff the backoff's cap
   * @param maxCrashLoopTries crash-loop reschedules of one slave before giving up
   */
  public record Limits(
      int hourlyBudget, Duration baseBackoff, Duration maxBackoff, int maxCrashLoopTries) {
    public static final Limits DEFAULT =
        new Limits(6, Duration.ofSeconds(30), Duration.ofMinutes(10), 3);
  }

  /** A decision to reschedule {@code pod}; {@code deleteClaim} when its volume is lost. */
  public record Reschedule(String pod, HealthClass why, boolean deleteClaim, boolean force) {}

  /** Why nothing was done although a slave needs it. */
  public enum Hold {
    NONE,
    OPERATOR_ISOLATED,
    IN_FLIGHT,
    BUDGET_EXHAUSTED,
    BACKING_OFF,
    GAVE_UP
  }

  /** The decision and, when nothing is done for a slave that needs it, why. */
  public record Decision(Optional<Reschedule> reschedule, Hold hold) {}

  /** A restored reschedule older than this is no longer waited for. */
  static final Duration IN_FLIGHT_LIMIT = Duration.ofMinutes(10);

  private final Limits limits;
  private final Clock clock;
  private final Deque<Instant> recent = new ArrayDeque<>();
  private final Map<String, Integer> tries = new HashMap<>();
  private final Map<String, Instant> last = new HashMap<>();
  private String inFlight;

  public RescheduleDecider(Limits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * Restores a reschedule recorded in the status by an earlier operator process, so a restart
   * mid-reschedule neither repeats it at once nor forgets the budget: it counts against the hour,
   * sets the slave's backoff, and is in flight again if it is recent.
   */
  public void restore(String pod, Instant at) {
    Instant now = clock.instant();
    tries.merge(pod, 1, Integer::sum);
    last.merge(pod, at, (a, b) -> a.isAfter(b) ? a : b);
    if (at.isAfter(now.minus(Duration.ofHours(1)))) {
      recent.addLast(at);
    }
    if (at.isAfter(now.minus(IN_FLIGHT_LIMIT))) {
      inFlight = pod;
    }
  }

  /**
   * The replacement of a rescheduled slave exists and needs action again (e.g. it crash-loops too):
   * the reschedule is over, unsuccessfully, so it no longer blocks the next one. Without this a
   * replacement that never turns healthy would hold every later reschedule, and a crash loop would
   * never reach {@link Hold#GAVE_UP}.
   */
  public void replacementFailed(String pod) {
    if (pod.equals(inFlight)) {
      inFlight = null;
    }
  }

  /**
   * @param classes each slave's class, in ordinal order
   * @param anyNodeReachable whether the operator's polls reach at least one node of the database
   */
  public Decision decide(Map<String, HealthClass> classes, boolean anyNodeReachable) {
    Instant now = clock.instant();
    if (inFlight != null) {
      HealthClass c = classes.get(inFlight);
      if (c == HealthClass.Healthy || c == null) {
        inFlight = null; // the replacement is ready (or the slave was removed)
      }
    }
    List<Map.Entry<String, HealthClass>> needing =
        classes.entrySet().stream().filter(e -> e.getValue().operatorActs()).toList();
    if (needing.isEmpty()) {
      return new Decision(Optional.empty(), Hold.NONE);
    }
    if (!anyNodeReachable) {
      return new Decision(Optional.empty(), Hold.OPERATOR_ISOLATED);
    }
    if (inFlight != null) {
      return new Decision(Optional.empty(), Hold.IN_FLIGHT);
    }
    while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(Duration.ofHours(1)))) {
      recent.pollFirst();
    }
    if (recent.size() >= limits.hourlyBudget()) {
      return new Decision(Optional.empty(), Hold.BUDGET_EXHAUSTED);
    }
    Hold hold = Hold.NONE;
    for (Map.Entry<String, HealthClass> e : needing) {
      String pod = e.getKey();
      int n = tries.getOrDefault(pod, 0);
      if (e.getValue() == HealthClass.CrashLoop && n >= limits.maxCrashLoopTries()) {
        hold = Hold.GAVE_UP;
        continue;
      }
      Instant previous = last.get(pod);
      if (previous != null && now.isBefore(previous.plus(backoff(n)))) {
        hold = hold == Hold.NONE ? Hold.BACKING_OFF : hold;
        continue;
      }
      tries.put(pod, n + 1);
      last.put(pod, now);
      recent.addLast(now);
      inFlight = pod;
      HealthClass why = e.getValue();
      return new Decision(
          Optional.of(
              new Reschedule(pod, why, why == HealthClass.VolumeLost, why == HealthClass.NodeLost)),
          Hold.NONE);
    }
    return new Decision(Optional.empty(), hold);
  }

  private Duration backoff(int tries) {
    Duration d = limits.baseBackoff().multipliedBy(1L << Math.min(Math.max(tries - 1, 0), 20));
    return d.compareTo(limits.maxBackoff()) > 0 ? limits.maxBackoff() : d;
  }
}
