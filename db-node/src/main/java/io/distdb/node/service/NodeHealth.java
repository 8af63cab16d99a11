package io.distdb.node.service;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the node can still take writes. After a failure between the log and storage the two may
 * disagree; only a restart (which replays the log) reconciles them, so the node fails stop. A full
 * disk only holds writes back until space is freed (see {@link DiskReserve}).
 */
public final class NodeHealth {

  private static final Logger log = LoggerFactory.getLogger(NodeHealth.class);

  private final AtomicReference<String> failure = new AtomicReference<>();
  private final DiskReserve disk;

  public NodeHealth() {
    this(DiskReserve.none());
  }

  public NodeHealth(DiskReserve disk) {
    this.disk = disk;
  }

  public void fail(String reason) {
    if (failure.compareAndSet(null, reason)) {
      log.atError().addKeyValue("reason", reason).log("node stops taking writes until restarted");
    }
  }

  /** The reason the node failed, or null while healthy. */
  public String failure() {
    return failure.get();
  }

  public boolean isHealthy() {
    return failure.get() == null;
  }

  void checkWritable() throws SqlException {
    String reason = failure.get();
    if (reason != null) {
      throw new SqlException("58030", "the node refuses writes after a storage failure: " + reason);
    }
    disk.check();
  }
}
