package io.distdb.operator.health;

import java.time.Duration;

/**
 * Classifies a slave from its {@link SlaveFacts} with the two-witness rule: a class the operator
 * acts on needs Kubernetes' view AND a second witness (the operator's poll, or the master's view of
 * its slaves) to agree that the node does not serve. With only one witness it is {@link
 * HealthClass#Suspect}.
 */
public final class SlaveClassifier {

  /**
   * @param crashLoopRestarts restarts within the window above which a pod is crash-looping
   * @param nodeLostGrace how long a node must be NotReady before its pods count as lost
   */
  public record Thresholds(int crashLoopRestarts, Duration nodeLostGrace) {
    /**
     * Kubernetes itself marks a node NotReady only after its node-monitor grace period (40 s by
     * default), and the operator's own polls must fail {@code failureThreshold} times in a row as
     * well (15 s at the defaults), so a further 10 s of NotReady adds little risk of acting on a
     * flap while keeping "node lost → replacement ready" under 30 s.
     */
    public static final Thresholds DEFAULT = new Thresholds(5, Duration.ofSeconds(10));
  }

  private final Thresholds thresholds;

  public SlaveClassifier(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  public HealthClass classify(SlaveFacts f) {
    boolean notServing = notServing(f);
    if (f.nodeReportsCorrupt()) {
      // The node answers, to say its data is damaged: Kubernetes must see it not ready and the
      // master must not see it streaming (a node that still serves is only suspect).
      return !f.podReady() && !Boolean.TRUE.equals(f.masterSeesStreaming())
          ? HealthClass.VolumeLost
          : HealthClass.Suspect;
    }
    if (!f.claimExists() || f.unschedulable()) {
      // the node's own report is one witness; the master or the poll must agree it is not serving
      return notServing || (!f.claimExists() && !f.podExists())
          ? HealthClass.VolumeLost
          : HealthClass.Suspect;
    }
    if (f.nodeNotReadyMillis() >= thresholds.nodeLostGrace().toMillis()) {
      return notServing ? HealthClass.NodeLost : HealthClass.Suspect;
    }
    if (f.recentRestarts() > thresholds.crashLoopRestarts()) {
      return notServing ? HealthClass.CrashLoop : HealthClass.Restarted;
    }
    if (f.pollUnreachable() || Boolean.FALSE.equals(f.masterSeesStreaming())) {
      return f.podReady() ? HealthClass.Suspect : HealthClass.Starting;
    }
    if (f.recentRestarts() > 0 && !f.podReady()) {
      return HealthClass.Restarted;
    }
    if (f.lagging()) {
      return HealthClass.Lagging;
    }
    return f.podReady() ? HealthClass.Healthy : HealthClass.Starting;
  }

  /**
   * The second witness: the operator's polls fail, and the master (when it can be asked) does not
   * see the slave streaming either.
   */
  private static boolean notServing(SlaveFacts f) {
    return f.pollUnreachable() && !Boolean.TRUE.equals(f.masterSeesStreaming());
  }
}
