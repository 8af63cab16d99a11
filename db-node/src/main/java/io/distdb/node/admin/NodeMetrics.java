package io.distdb.node.admin;

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

/** The node's meters, exposed at {@code /metrics}. Names follow Prometheus conventions. */
public final class NodeMetrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public NodeMetrics(ReplicationLog log, SessionRegistry sessions) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
    Gauge.builder("distdb_log_last_lsn", log, ReplicationLog::lastLsn)
        .description("Last LSN appended to the replication log").register(registry);
    Gauge.builder("distdb_log_durable_lsn", log, ReplicationLog::durableLsn)
        .description("Last LSN the replication log has fsynced").register(registry);
    Gauge.builder("distdb_log_first_lsn", log, ReplicationLog::firstLsn)
        .description("Oldest LSN the replication log retains").register(registry);
    Gauge.builder("distdb_log_size_bytes", log, ReplicationLog::sizeBytes)
        .description("Bytes the replication log occupies").baseUnit("bytes").register(registry);
    FunctionCounter.builder("distdb_log_fsyncs", log, ReplicationLog::fsyncCount)
        .description("fsync calls made by the log's group commit").register(registry);
    Gauge.builder("distdb_sessions", sessions, SessionRegistry::total)
        .description("Open client sessions").register(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
