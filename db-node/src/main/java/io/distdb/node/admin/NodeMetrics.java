package io.distdb.node.admin;

import io.distdb.adminapi.NodeStatus;
import io.distdb.adminapi.SlaveStatus;
import io.distdb.node.log.ReplicationLog;
import io.distdb.node.service.SessionRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;

/** The node's meters, exposed at {@code /metrics}. Names follow Prometheus conventions. */
public final class NodeMetrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private Supplier<NodeStatus> statusSource;

  /**
   * The status document as of the current scrape: building it lists databases and slaves, so the
   * replication meters share one copy per scrape instead of building it each.
   */
  private volatile NodeStatus latest;

  public NodeMetrics(ReplicationLog log, SessionRegistry sessions) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
    Gauge.builder("distdb_log_last_lsn", log, ReplicationLog::lastLsn)
        .description("Last LSN appended to the replication log")
        .register(registry);
    Gauge.builder("distdb_log_durable_lsn", log, ReplicationLog::durableLsn)
        .description("Last LSN the replication log has fsynced")
        .register(registry);
    Gauge.builder("distdb_log_first_lsn", log, ReplicationLog::firstLsn)
        .description("Oldest LSN the replication log retains")
        .register(registry);
    Gauge.builder("distdb_log_size_bytes", log, ReplicationLog::sizeBytes)
        .description("Bytes the replication log occupies")
        .baseUnit("bytes")
        .register(registry);
    FunctionCounter.builder("distdb_log_fsyncs", log, ReplicationLog::fsyncCount)
        .description("fsync calls made by the log's group commit")
        .register(registry);
    Gauge.builder("distdb_sessions", sessions, SessionRegistry::total)
        .description("Open client sessions")
        .register(registry);
  }

  /** Replication meters, read from the node's status document so both always agree. */
  public void bindReplication(Supplier<NodeStatus> status) {
    this.statusSource = status;
    this.latest = status.get();
    Gauge.builder(
            "distdb_replication_slaves_streaming",
            this,
            m ->
                m.latest.master() == null
                    ? 0
                    : m.latest.master().slaves().stream()
                        .filter(x -> x.state().equals("streaming"))
                        .count())
        .description("Slaves streaming from this master")
        .register(registry);
    Gauge.builder(
            "distdb_replication_max_lag_entries",
            this,
            m ->
                m.latest.master() == null
                    ? 0
                    : m.latest.master().slaves().stream()
                        .mapToLong(SlaveStatus::lagEntries)
                        .max()
                        .orElse(0))
        .description("Largest slave lag behind this master, in log entries")
        .register(registry);
    Gauge.builder(
            "distdb_replication_sync_degraded",
            this,
            m -> m.latest.master() != null && m.latest.master().degraded() ? 1 : 0)
        .description("1 while synchronous replication has degraded to asynchronous")
        .register(registry);
    FunctionCounter.builder(
            "distdb_replication_ack_timeouts",
            this,
            m -> m.latest.master() == null ? 0 : m.latest.master().ackTimeouts())
        .description("Commits that hit the replication ack timeout")
        .register(registry);
    Gauge.builder(
            "distdb_replication_lag_entries",
            this,
            m -> m.latest.slave() == null ? 0 : m.latest.slave().lagEntries())
        .description("On a slave: entries behind the master")
        .register(registry);
    Gauge.builder("distdb_applied_lsn", this, m -> m.latest.appliedLsn())
        .description("Last LSN applied to storage")
        .register(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public String scrape() {
    if (statusSource != null) {
      latest = statusSource.get();
    }
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
