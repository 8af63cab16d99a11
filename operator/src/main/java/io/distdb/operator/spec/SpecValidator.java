package io.distdb.operator.spec;

import io.distdb.operator.api.v1alpha1.AckTimeoutAction;
import io.distdb.operator.api.v1alpha1.DistributedDatabase;
import io.distdb.operator.api.v1alpha1.DistributedDatabaseSpec;
import io.distdb.operator.api.v1alpha1.HealthCheckSpec;
import io.distdb.operator.api.v1alpha1.ReplicationMode;
import io.distdb.operator.api.v1alpha1.ReplicationSpec;
import io.distdb.operator.api.v1alpha1.StorageSpec;
import io.distdb.operator.naming.ResourceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Re-checks every rule the CRD schema and its CEL rules state, because an API server without the
 * CRD (or an older CRD) lets anything through, and checks what only the cluster can tell: the
 * immutable storage fields against the volumes that already exist.
 */
public final class SpecValidator {

  private static final Pattern IMAGE = Pattern.compile(DistributedDatabaseSpec.IMAGE_PATTERN);
  private static final Pattern NAME = Pattern.compile(DistributedDatabaseSpec.NAME_PATTERN);
  private static final Pattern QUANTITY = Pattern.compile(StorageSpec.QUANTITY_PATTERN);
  private static final Pattern DURATION = Pattern.compile(ReplicationSpec.DURATION_PATTERN);

  private final String defaultImage;

  /**
   * @param defaultImage the db-node image for specs that name none
   */
  public SpecValidator(String defaultImage) {
    this.defaultImage = defaultImage;
  }

  /**
   * Validates {@code ddb}'s spec.
   *
   * @param existing the storage the database already has (from its StatefulSet), null if none yet
   */
  public Validation validate(DistributedDatabase ddb, ExistingStorage existing) {
    List<Violation> v = new ArrayList<>();
    DistributedDatabaseSpec spec = ddb.getSpec();
    if (spec == null) {
      return new Validation.Invalid(List.of(new Violation("spec", "is required")));
    }
    int slaves = orDefault(spec.getSlaves(), 2);
    range(v, "spec.slaves", slaves, 0, DistributedDatabaseSpec.MAX_SLAVES);
    String image = spec.getImage() == null ? defaultImage : spec.getImage();
    if (!IMAGE.matcher(image).matches()) {
      v.add(new Violation("spec.image", "must be an image reference such as distdb/db-node:0.2.0"));
    }
    StorageSpec storage = spec.getStorage() == null ? new StorageSpec() : spec.getStorage();
    String size = storage.getSize() == null ? "1Gi" : storage.getSize();
    if (!QUANTITY.matcher(size).matches()) {
      v.add(new Violation("spec.storage.size", "must be a quantity such as 1Gi, not " + size));
    }
    if (existing != null) {
      if (!Objects.equals(existing.storageClassName(), storage.getStorageClassName())) {
        v.add(
            new Violation(
                "spec.storage.storageClassName",
                "is immutable: set it back to "
                    + (existing.storageClassName() == null
                        ? "unset"
                        : existing.storageClassName())));
      }
      if (!existing.size().equals(size)) {
        v.add(
            new Violation(
                "spec.storage.size",
                "cannot change after creation (volume expansion is not supported): set it back to "
                    + existing.size()));
      }
    }
    ReplicationSpec repl =
        spec.getReplication() == null ? new ReplicationSpec() : spec.getReplication();
    ReplicationMode mode = repl.getMode() == null ? ReplicationMode.ASYNC : repl.getMode();
    int minSyncAcks = orDefault(repl.getMinSyncAcks(), 1);
    if (minSyncAcks < 0) {
      v.add(new Violation("spec.replication.minSyncAcks", "must be 0 or more"));
    } else if (mode != ReplicationMode.ASYNC && minSyncAcks > slaves) {
      v.add(
          new Violation(
              "spec.replication.minSyncAcks",
              "must not exceed spec.slaves (" + minSyncAcks + " > " + slaves + ")"));
    }
    String ackTimeout = repl.getAckTimeout() == null ? "5s" : repl.getAckTimeout();
    long ackTimeoutMillis = 0;
    if (!DURATION.matcher(ackTimeout).matches()) {
      v.add(
          new Violation(
              "spec.replication.ackTimeout", "must be a duration such as 5s, 500ms or 1m"));
    } else {
      ackTimeoutMillis = Durations.toMillis(ackTimeout);
    }
    AckTimeoutAction onTimeout =
        repl.getOnAckTimeout() == null ? AckTimeoutAction.FAIL : repl.getOnAckTimeout();
    HealthCheckSpec health =
        spec.getHealthCheck() == null ? new HealthCheckSpec() : spec.getHealthCheck();
    int period = orDefault(health.getPeriodSeconds(), 5);
    int timeout = orDefault(health.getTimeoutSeconds(), 2);
    int threshold = orDefault(health.getFailureThreshold(), 3);
    range(v, "spec.healthCheck.periodSeconds", period, 1, 3600);
    range(v, "spec.healthCheck.timeoutSeconds", timeout, 1, 60);
    range(v, "spec.healthCheck.failureThreshold", threshold, 1, 100);
    ResourceNames names = ResourceNames.of(ddb);
    String credentials =
        spec.getCredentialsSecret() == null
            ? names.defaultCredentialsSecret()
            : spec.getCredentialsSecret();
    if (!NAME.matcher(credentials).matches() || credentials.length() > 253) {
      v.add(new Violation("spec.credentialsSecret", "must be a Kubernetes object name"));
    }
    if (!v.isEmpty()) {
      return new Validation.Invalid(List.copyOf(v));
    }
    return new Validation.Valid(
        new ResolvedSpec(
            ddb,
            names,
            slaves,
            image,
            size,
            storage.getStorageClassName(),
            storage.isDeleteClaimsOnDelete(),
            spec.getResources(),
            mode,
            minSyncAcks,
            ackTimeoutMillis,
            onTimeout,
            period,
            timeout,
            threshold,
            credentials));
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private static void range(List<Violation> v, String field, int value, int min, int max) {
    if (value < min || value > max) {
      v.add(
          new Violation(field, "must be between " + min + " and " + max + " (got " + value + ")"));
    }
  }
}
